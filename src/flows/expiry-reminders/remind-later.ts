/**
 * "Remind me later" on a reminder: nothing more until the next window. When the reminder was of the
 * last window, the person is reminded once more a day before the expiry (a snooze the sweep honours).
 * The button only names the reminder; its facts and its recipient come from the store.
 */
import type { AuditTrail } from '../../audit/audit-trail';
import { slackActor } from '../../audit/actor';
import type { Clock } from '../../clock/clock';
import type { Locale } from '../../config';
import type { FlowStore } from '../../store/flow-store';
import { ReminderRecords } from './reminder-records';
import { type ReminderSchedule, nextReminder, rememberUntil } from './reminder-windows';

export type RemindLaterOutcome =
  | { kind: 'snoozed'; until: Date; locale: Locale; timeZone: string }
  /** Nothing later is possible before the expiry. */
  | { kind: 'too-late'; locale: Locale; timeZone: string }
  /** Unknown, expired, or someone else's reminder. */
  | { kind: 'unknown' };

export class RemindLater {
  private readonly records: ReminderRecords;

  constructor(private readonly deps: { store: FlowStore; audit: AuditTrail; clock: Clock; schedule: ReminderSchedule }) {
    this.records = new ReminderRecords(deps.store);
  }

  async snooze(who: { teamId: string; userId: string; requestId: string }, reminderId: string): Promise<RemindLaterOutcome> {
    const now = this.deps.clock.now();
    const owner = { teamId: who.teamId, userId: who.userId };
    const reminder = await this.records.loadSent(owner, reminderId, now);
    if (!reminder) return { kind: 'unknown' };
    const { locale, timeZone } = reminder;
    const pending = reminder.accounts
      .map((account) => ({ ...account, expiresAt: new Date(account.expiresAt) }))
      .filter((account) => account.expiresAt > now);
    const next = pending
      .map((account) => ({ account, next: nextReminder(this.deps.schedule, account.expiresAt, now) }))
      .filter((item): item is { account: (typeof pending)[number]; next: { at: Date; snooze: boolean } } => item.next !== undefined);
    if (next.length === 0) return { kind: 'too-late', locale, timeZone };
    for (const { account, next: { at, snooze } } of next) {
      // A window of its own needs no snooze: the sweep sends it anyway.
      if (snooze) await this.records.snooze(owner, account, at, rememberUntil(this.deps.schedule, account.expiresAt));
      await this.deps.audit.record({
        actor: slackActor(who),
        action: 'expiry-reminder.snoozed',
        subject: account.dn,
        result: 'ok',
        detail: { until: at.toISOString(), expiresAt: account.expiresAt.toISOString() },
        requestId: who.requestId,
      });
    }
    const until = new Date(Math.min(...next.map((item) => item.next.at.getTime())));
    return { kind: 'snoozed', until, locale, timeZone };
  }
}
