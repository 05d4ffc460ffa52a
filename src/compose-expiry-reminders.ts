/**
 * The expiry reminders put together from the configuration, for the bot (`passdesk.ts`: schedule,
 * `/password status`, the buttons) and for `npm run reminders` (`cli/reminders.ts`).
 */
import type { AuditTrail } from './audit/audit-trail';
import type { Clock } from './clock/clock';
import type { Config } from './config';
import type { Directory } from './directory/directory';
import { ExpirySweep, type SweepReport } from './flows/expiry-reminders/expiry-sweep';
import { PasswordStatus } from './flows/expiry-reminders/password-status';
import { RemindLater } from './flows/expiry-reminders/remind-later';
import { type SweepSchedule, scheduleSweeps } from './flows/expiry-reminders/sweep-schedule';
import type { Logger } from './log/logger';
import type { Mailer } from './mail/mailer';
import { ExpiryReminderMailer } from './notification/expiry-reminder-mailer';
import type { PassdeskMetrics } from './ops/metrics/metrics';
import { meteredSweep } from './ops/metrics/reminder-metrics';
import type { InFlightWork } from './ops/shutdown/in-flight-work';
import { boltLogger } from './slack/bolt-logger';
import { SlackReminderChannel, createSweepSlackClient } from './slack/expiry-reminders/slack-reminder-channel';
import type { ExpiryReminderListenerDeps } from './slack/journeys/expiry-reminders/deps';
import type { SlackDeps } from './slack/shared/slack-deps';
import type { ClaimStore } from './store/claim-store';
import type { FlowStore } from './store/flow-store';

export interface ReminderParts {
  directory: Directory;
  store: ClaimStore & FlowStore;
  audit: AuditTrail;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
}

/** REMINDER_TZ, else the zone this server runs in. */
export function reminderTimeZone(config: Config): string {
  return config.reminders.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function createExpirySweep(config: Config, parts: ReminderParts): ExpirySweep {
  const channel = new SlackReminderChannel({
    client: createSweepSlackClient(config.slack, boltLogger(parts.logger)),
    defaultLocale: config.defaultLocale,
    logger: parts.logger,
  });
  return new ExpirySweep({
    ...parts,
    finder: channel,
    chat: channel,
    mail: new ExpiryReminderMailer(parts.mailer, config.helpdeskContact),
    schedule: { windowsDays: config.reminders.windowsDays, expiredDays: config.reminders.expiredDays },
    defaultLocale: config.defaultLocale,
    timeZone: reminderTimeZone(config),
  });
}

export function expiryReminderListenerDeps(config: Config, parts: ReminderParts): Omit<ExpiryReminderListenerDeps, keyof SlackDeps> {
  return {
    status: new PasswordStatus(parts),
    remindLater: new RemindLater({
      ...parts,
      schedule: { windowsDays: config.reminders.windowsDays, expiredDays: config.reminders.expiredDays },
    }),
    timeZone: reminderTimeZone(config),
    helpdeskContact: config.helpdeskContact,
    clock: parts.clock,
  };
}

/**
 * The bot's sweeps, scheduled (REMINDER_CRON) or asked for (the demo's button): each one is work
 * in flight, which a stop lets finish within SHUTDOWN_TIMEOUT_SECONDS, and is metered. `cutShort`
 * is the stop's last resort: running sweeps finish the reminder being sent and leave the rest,
 * unclaimed, for the next sweep.
 */
export class BotSweeps {
  private readonly stopping = new AbortController();
  private schedule?: SweepSchedule;

  constructor(private readonly sweep: ExpirySweep, private readonly work: { inFlight: InFlightWork; metrics: PassdeskMetrics; logger: Logger }) {}

  run(): Promise<SweepReport> {
    return this.work.inFlight.track(() => meteredSweep(this.work.metrics, () => this.sweep.run({ signal: this.stopping.signal })));
  }

  startSchedule(settings: { cron: string; timeZone?: string }): void {
    this.schedule = scheduleSweeps(() => this.run(), settings, this.work.logger);
  }

  /** No new scheduled sweep; those running go on. */
  stopSchedule(): void {
    this.schedule?.stop();
  }

  cutShort(): void {
    this.stopping.abort();
  }
}
