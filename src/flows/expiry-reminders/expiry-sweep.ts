/**
 * Expiry reminders (the Italian page: "ten days before the expiry you get a notice with how to
 * change your password"): one sweep finds the passwords expiring within the windows, tells each
 * person once per window (a chat message, or a mail for people not in the chat), and logs a summary.
 * It runs on a schedule inside the bot and on demand (`npm run reminders`); several sweeps may run
 * at once (replicas, a manual run): claims in the store make each reminder go out once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Locale } from '../../config';
import type { Directory } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { ClaimStore } from '../../store/claim-store';
import type { FlowStore } from '../../store/flow-store';
import { resolveRecipients, type Delivery } from './recipients';
import type { ChatReminderChannel, MailReminderChannel, PersonFinder } from './reminder-ports';
import { ReminderRecords } from './reminder-records';
import { type ReminderSchedule, rememberUntil, windowName } from './reminder-windows';
import { claimKey, deliverAll, wouldClaim } from './sweep-delivery';
import { type DueAccount, scanDue } from './sweep-scan';

const LEASE_MS = 10 * 60 * 1000;
const MAX_RATE_LIMITED_ATTEMPTS = 5;

export interface ExpirySweepDeps {
  directory: Directory;
  /** Claims ("never twice") and the flows behind the reminders' buttons. */
  store: ClaimStore & FlowStore;
  finder: PersonFinder;
  chat: ChatReminderChannel;
  mail: MailReminderChannel;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  schedule: ReminderSchedule;
  /** The language of mails (people not in the chat have no known language). */
  defaultLocale: Locale;
  /** `REMINDER_TZ` or the server's zone: dates in mails, and for chat users without a zone. */
  timeZone: string;
  /** Entries per page of the directory search (default: the directory's). */
  pageSize?: number;
}

export interface SweepReport {
  /** Accounts the directory returned (already narrowed by the server to the reminder range). */
  scanned: number;
  /** Accounts in a reminder window now. */
  due: number;
  sentByDm: number;
  sentByMail: number;
  failed: number;
  /** Accounts nobody can be told about (no mail address). */
  skipped: number;
  /** Reminders left for the next sweep (rate limits, or the sweep was stopped). */
  deferred: number;
  durationMs: number;
  /** Everything due was sent or is sent already: false when something failed, was left, or the sweep stopped. */
  finished: boolean;
}

/** One row of a dry run: who would be reminded of which account, when it expires, and how. */
export interface PlannedReminder {
  person: string;
  account: string;
  expiresAt: Date;
  window: string;
  channel: 'slack' | 'mail';
  /** The Slack user id, or the mail addresses. */
  to: string;
}

export class ExpirySweep {
  private readonly records: ReminderRecords;

  constructor(private readonly deps: ExpirySweepDeps) {
    this.records = new ReminderRecords(deps.store);
  }

  /** One sweep: sends what is due. Stopping it (`signal`) lets the reminder being sent finish first. */
  async run(options: { signal?: AbortSignal } = {}): Promise<SweepReport> {
    const { deps } = this;
    const started = performance.now();
    const { scanned, groups } = await scanDue(deps, deps.clock.now(), options.signal);
    const resolved = await resolveRecipients(groups, deps.finder, deps.defaultLocale, options.signal);
    for (const { account, error } of resolved.lookupFailed) {
      deps.logger.warn({ err: error instanceof Error ? error.message : 'unknown', subject: account.dn }, 'could not look up who to remind');
      await this.audit(account, 'failed', { reason: 'lookup-failed' });
    }
    const skipped = await this.skipUnreachable(resolved.unreachable);
    const tally = await deliverAll(resolved.deliveries, {
      ...deps,
      claims: deps.store,
      records: this.records,
      owner: `sweep:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      leaseMs: LEASE_MS,
      maxAttempts: MAX_RATE_LIMITED_ATTEMPTS,
    }, options.signal);
    const failed = tally.failed + resolved.lookupFailed.length;
    const report: SweepReport = {
      scanned,
      due: groups.reduce((sum, group) => sum + group.accounts.length, 0),
      sentByDm: tally.sentByDm,
      sentByMail: tally.sentByMail,
      failed,
      skipped,
      deferred: tally.deferred,
      durationMs: Math.round(performance.now() - started),
      finished: !options.signal?.aborted && failed === 0 && tally.deferred === 0,
    };
    deps.logger.info({ sweep: report }, 'expiry reminder sweep finished');
    return report;
  }

  /** A dry run: who would be reminded now, by which channel. Looks people up; claims, sends and records nothing. */
  async plan(options: { signal?: AbortSignal } = {}): Promise<{ scanned: number; planned: PlannedReminder[] }> {
    const { deps } = this;
    const now = deps.clock.now();
    const { scanned, groups } = await scanDue(deps, now, options.signal);
    const { deliveries } = await resolveRecipients(groups, deps.finder, deps.defaultLocale, options.signal);
    const planned: PlannedReminder[] = [];
    for (const delivery of deliveries) {
      for (const { account, window } of await wouldClaim(delivery, deps.store, this.records, now)) {
        planned.push({
          person: account.displayName,
          account: account.username,
          expiresAt: account.expiresAt,
          window: windowName(window),
          channel: delivery.recipient.channel,
          to: recipientName(delivery),
        });
      }
    }
    return { scanned, planned };
  }

  /** Accounts without a mail address: audited once per window (their claim is completed), never sent. */
  private async skipUnreachable(accounts: DueAccount[]): Promise<number> {
    const now = this.deps.clock.now();
    let skipped = 0;
    for (const account of accounts) {
      const { window } = account;
      const key = claimKey(account, window);
      const owner = `skip:${process.pid}`;
      if ((await this.deps.store.claim(key, owner, now, new Date(now.getTime() + LEASE_MS))) !== 'claimed') continue;
      await this.deps.store.completeClaim(key, owner, rememberUntil(this.deps.schedule, account.expiresAt));
      await this.audit(account, 'skipped', { reason: 'no-address', window: windowName(window) });
      skipped += 1;
    }
    return skipped;
  }

  private async audit(account: DueAccount, outcome: 'failed' | 'skipped', detail: Record<string, string>): Promise<void> {
    await this.deps.audit.record({
      actor: 'system',
      action: `expiry-reminder.${outcome}`,
      subject: account.dn,
      result: outcome === 'failed' ? 'failed' : 'refused',
      detail: { expiresAt: account.expiresAt.toISOString(), ...detail },
    });
  }
}

function recipientName(delivery: Delivery): string {
  const { recipient } = delivery;
  return recipient.channel === 'slack' ? recipient.person.userId : recipient.addresses.join(', ');
}
