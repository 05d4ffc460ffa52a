import { dueWindow, nextReminder, searchRange, windowName } from '../../src/flows/expiry-reminders/reminder-windows';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-01T09:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * DAY);
const schedule = { windowsDays: [10, 3], expiredDays: 30 };

describe('reminder windows', () => {
  it('picks the smallest window that holds the time left: 1 day left with windows 10 and 3 is the 3-day reminder', () => {
    expect(dueWindow(schedule, inDays(1), now)).toEqual({ kind: 'before', days: 3 });
    expect(dueWindow(schedule, inDays(3), now)).toEqual({ kind: 'before', days: 3 });
    expect(dueWindow(schedule, inDays(9.5), now)).toEqual({ kind: 'before', days: 10 });
    expect(dueWindow(schedule, inDays(10), now)).toEqual({ kind: 'before', days: 10 });
    expect(dueWindow(schedule, inDays(10.01), now)).toBeUndefined();
  });

  it('gives one "expired" notice within REMINDER_EXPIRED_DAYS after the expiry, and none with 0', () => {
    expect(dueWindow(schedule, now, now)).toEqual({ kind: 'expired' });
    expect(dueWindow(schedule, inDays(-30), now)).toEqual({ kind: 'expired' });
    expect(dueWindow(schedule, inDays(-30.01), now)).toBeUndefined();
    expect(dueWindow({ ...schedule, expiredDays: 0 }, inDays(-1), now)).toBeUndefined();
  });

  it('searches from the oldest expiry still noticed to the end of the largest window', () => {
    expect(searchRange({ windowsDays: [1, 14, 7], expiredDays: 30 }, now)).toEqual({ from: inDays(-30), to: inDays(14) });
  });

  it('"remind me later" waits for the next window, or the day before the expiry after the last one', () => {
    expect(nextReminder(schedule, inDays(9), now)).toEqual({ at: inDays(6), snooze: false });
    expect(nextReminder(schedule, inDays(2), now)).toEqual({ at: inDays(1), snooze: true });
    expect(nextReminder(schedule, inDays(0.5), now)).toBeUndefined();
  });

  it('names windows stably for claims and audit', () => {
    expect(windowName({ kind: 'before', days: 10 })).toBe('10d');
    expect(windowName({ kind: 'expired' })).toBe('expired');
    expect(windowName({ kind: 'later', at: now })).toBe('later-2026-12-01T09:00:00.000Z');
  });
});
