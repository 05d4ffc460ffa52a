/**
 * When a password's reminders are due (the Italian page: "ten days before the expiry"): windows of
 * days before the expiry (`REMINDER_DAYS`), each reminded once, the smallest that holds the time
 * left; then, once expired and for `REMINDER_EXPIRED_DAYS`, one last notice.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderSchedule {
  /** Days before the expiry, e.g. [14, 7, 1]; any order, duplicates ignored. */
  windowsDays: number[];
  /** How many days after the expiry the one "expired" notice may still go out (0: none). */
  expiredDays: number;
}

/** Which reminder is due: `days` before the expiry, the notice after it, or a "remind me later" snooze. */
export type ReminderWindow =
  | { kind: 'before'; days: number }
  | { kind: 'expired' }
  | { kind: 'later'; at: Date };

/** The expiries a sweep must look at: expired up to `expiredDays` ago, or expiring within the largest window. */
export function searchRange(schedule: ReminderSchedule, now: Date): { from: Date; to: Date } {
  const largest = Math.max(0, ...schedule.windowsDays);
  return {
    from: new Date(now.getTime() - schedule.expiredDays * DAY_MS),
    to: new Date(now.getTime() + largest * DAY_MS),
  };
}

/**
 * The window a password expiring at `expiresAt` is in at `now`: the smallest window that holds the
 * time left (1 day left with windows 10 and 3: the 3-day one); undefined when none is due.
 */
export function dueWindow(schedule: ReminderSchedule, expiresAt: Date, now: Date): ReminderWindow | undefined {
  const leftMs = expiresAt.getTime() - now.getTime();
  if (leftMs <= 0) {
    return schedule.expiredDays > 0 && -leftMs <= schedule.expiredDays * DAY_MS ? { kind: 'expired' } : undefined;
  }
  const holding = schedule.windowsDays.filter((days) => leftMs <= days * DAY_MS);
  return holding.length > 0 ? { kind: 'before', days: Math.min(...holding) } : undefined;
}

/**
 * "Remind me later": when the next reminder for this expiry would go out after `now` (the start of
 * the next, smaller window, or else one day before the expiry), and whether that is a window of its
 * own (`snooze: false`) or a reminder the sweep sends only because of the snooze. Undefined when
 * there is no later moment before the expiry.
 */
export function nextReminder(schedule: ReminderSchedule, expiresAt: Date, now: Date): { at: Date; snooze: boolean } | undefined {
  const windowStarts = [...new Set(schedule.windowsDays)].map((days) => expiresAt.getTime() - days * DAY_MS);
  const upcoming = windowStarts.filter((at) => at > now.getTime());
  if (upcoming.length > 0) return { at: new Date(Math.min(...upcoming)), snooze: false };
  const dayBefore = expiresAt.getTime() - DAY_MS;
  return dayBefore > now.getTime() ? { at: new Date(dayBefore), snooze: true } : undefined;
}

/** A short, stable name of a window, for claim keys and audit events: `10d`, `expired`, `later-<ISO time>`. */
export function windowName(window: ReminderWindow): string {
  switch (window.kind) {
    case 'before': return `${window.days}d`;
    case 'expired': return 'expired';
    case 'later': return `later-${window.at.toISOString()}`;
  }
}

/** How long a sent reminder must be remembered: past the last day it could be due again. */
export function rememberUntil(schedule: ReminderSchedule, expiresAt: Date): Date {
  return new Date(expiresAt.getTime() + (schedule.expiredDays + 1) * DAY_MS);
}
