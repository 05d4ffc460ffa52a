/**
 * The sweep's second pass: for each recipient, take the claims of their due accounts, send one
 * reminder, then complete the claims (sent) or release them (failed: the next sweep tries again).
 * A rate-limited send goes back in the queue for when the channel allows it; after a few tries it
 * is left, released, for the next sweep. Nothing is claimed without being sent or released, except
 * by a process that dies mid-send: its lease runs out and a later sweep takes the claim over.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Logger } from '../../log/logger';
import type { ClaimStore } from '../../store/claim-store';
import type { Delivery } from './recipients';
import { type ChatReminderChannel, type MailReminderChannel, type Reminder, RetryLaterError } from './reminder-ports';
import type { ReminderRecords } from './reminder-records';
import { type ReminderSchedule, type ReminderWindow, nextReminder, rememberUntil, windowName } from './reminder-windows';
import type { DueAccount } from './sweep-scan';

export interface DeliveryDeps {
  claims: ClaimStore;
  records: ReminderRecords;
  chat: ChatReminderChannel;
  mail: MailReminderChannel;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  schedule: ReminderSchedule;
  /** For mails, and chat users without a zone. */
  timeZone: string;
  /** Who holds the claims: this sweep. */
  owner: string;
  leaseMs: number;
  /** Rate-limited tries of one reminder within a sweep before it is left for the next. */
  maxAttempts: number;
}

export interface DeliveryTally {
  sentByDm: number;
  sentByMail: number;
  failed: number;
  /** Left, unclaimed, for the next sweep (rate limits, or the sweep was stopped). */
  deferred: number;
}

interface Claimed {
  account: DueAccount;
  window: ReminderWindow;
  key: string;
}

interface Queued {
  delivery: Delivery;
  attempts: number;
  notBeforeMs: number;
}

export async function deliverAll(deliveries: Delivery[], deps: DeliveryDeps, signal?: AbortSignal): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sentByDm: 0, sentByMail: 0, failed: 0, deferred: 0 };
  const queue: Queued[] = deliveries.map((delivery) => ({ delivery, attempts: 0, notBeforeMs: 0 }));
  while (queue.length > 0) {
    queue.sort((a, b) => a.notBeforeMs - b.notBeforeMs);
    const item = queue[0];
    const waitMs = item.notBeforeMs - Date.now();
    if (signal?.aborted || (waitMs > 0 && !(await waited(waitMs, signal)))) break;
    queue.shift();
    const outcome = await deliverOne(item.delivery, deps, signal);
    if (outcome.kind === 'stopped') {
      tally.deferred += 1;
      break;
    }
    if (outcome.kind === 'sent') {
      if (item.delivery.recipient.channel === 'slack') tally.sentByDm += 1;
      else tally.sentByMail += 1;
    } else if (outcome.kind === 'failed') {
      tally.failed += 1;
    } else if (outcome.kind === 'retry') {
      item.attempts += 1;
      if (item.attempts < deps.maxAttempts) {
        queue.push({ ...item, notBeforeMs: Date.now() + outcome.retryAfterMs });
      } else {
        tally.deferred += 1;
        await auditEach(deps, outcome.claimed, item.delivery, 'failed', 'rate-limited');
      }
    }
  }
  tally.deferred += queue.length;
  return tally;
}

type Outcome =
  | { kind: 'sent' | 'failed' | 'nothing' | 'stopped' }
  | { kind: 'retry'; retryAfterMs: number; claimed: Claimed[] };

async function deliverOne(delivery: Delivery, deps: DeliveryDeps, signal: AbortSignal | undefined): Promise<Outcome> {
  const claimed = await claimAll(delivery, deps);
  if (claimed === 'held' || claimed.length === 0) return { kind: 'nothing' }; // another sweep has it, or it was sent
  const reminder = reminderFor(delivery, claimed, deps);
  const { recipient } = delivery;
  try {
    if (recipient.channel === 'slack') {
      const keepUntil = Math.max(...reminder.accounts.map((a) => rememberUntil(deps.schedule, a.expiresAt).getTime()));
      await deps.records.saveSent(reminder.id, {
        teamId: recipient.person.teamId,
        userId: recipient.person.userId,
        expiresAt: keepUntil,
        locale: reminder.locale,
        timeZone: reminder.timeZone,
        accounts: reminder.accounts.map((a) => ({ dn: a.dn, username: a.username, expiresAt: a.expiresAt.toISOString() })),
      });
      await deps.chat.send(recipient.person.userId, reminder, signal);
    } else {
      await deps.mail.send(recipient.addresses, reminder);
    }
  } catch (error) {
    await Promise.all(claimed.map((c) => deps.claims.releaseClaim(c.key, deps.owner)));
    if (signal?.aborted) return { kind: 'stopped' }; // stopped while waiting for the rate limit: nothing was sent
    if (error instanceof RetryLaterError) return { kind: 'retry', retryAfterMs: error.retryAfterMs, claimed };
    deps.logger.warn({ err: describe(error), channel: recipient.channel }, 'expiry reminder not delivered');
    await auditEach(deps, claimed, delivery, 'failed', 'delivery-failed');
    return { kind: 'failed' };
  }
  for (const c of claimed) {
    const kept = await deps.claims.completeClaim(c.key, deps.owner, rememberUntil(deps.schedule, c.account.expiresAt));
    if (!kept) deps.logger.warn({ subject: c.account.dn }, 'an expiry reminder claim lapsed during its send');
  }
  await auditEach(deps, claimed, delivery, 'ok');
  return { kind: 'sent' };
}

/**
 * Each account's first reminder not yet sent, claimed in a fixed order. If another live sweep holds
 * any of them, ours are given back and this person is left to it ('held').
 */
async function claimAll(delivery: Delivery, deps: DeliveryDeps): Promise<Claimed[] | 'held'> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + deps.leaseMs);
  const claimed: Claimed[] = [];
  const ordered = [...delivery.accounts].sort((a, b) => a.dn.localeCompare(b.dn));
  for (const account of ordered) {
    for (const window of await windowsFor(account, delivery, deps.records, now)) {
      const key = claimKey(account, window);
      const outcome = await deps.claims.claim(key, deps.owner, now, leaseUntil);
      if (outcome === 'done') continue;
      if (outcome === 'held') {
        await Promise.all(claimed.map((c) => deps.claims.releaseClaim(c.key, deps.owner)));
        return 'held';
      }
      claimed.push({ account, window, key });
      break;
    }
  }
  return claimed;
}

/** What `claimAll` would take, without taking it (dry run). */
export async function wouldClaim(delivery: Delivery, claims: ClaimStore, records: ReminderRecords, now: Date): Promise<Claimed[]> {
  const found: Claimed[] = [];
  for (const account of delivery.accounts) {
    for (const window of await windowsFor(account, delivery, records, now)) {
      const key = claimKey(account, window);
      const state = await claims.peekClaim(key, now);
      if (state === 'done') continue;
      if (state === 'free') found.push({ account, window, key });
      break;
    }
  }
  return found;
}

/** The account's window; then, for a Slack recipient who asked to be reminded later and whose time has come, that. */
async function windowsFor(account: DueAccount, delivery: Delivery, records: ReminderRecords, now: Date): Promise<ReminderWindow[]> {
  const windows: ReminderWindow[] = [account.window];
  const { recipient } = delivery;
  if (account.window.kind === 'before' && recipient.channel === 'slack') {
    const until = await records.snoozedUntil(recipient.person, account, now);
    if (until && until <= now) windows.push({ kind: 'later', at: until });
  }
  return windows;
}

/** One reminder per account, expiry date and window, whoever sends it. */
export function claimKey(account: { dn: string; expiresAt: Date }, window: ReminderWindow): string {
  return `expiry-reminder:${account.dn.toLowerCase()}:${account.expiresAt.toISOString()}:${windowName(window)}`;
}

function reminderFor(delivery: Delivery, claimed: Claimed[], deps: DeliveryDeps): Reminder {
  const now = deps.clock.now();
  const { recipient } = delivery;
  // Once one of them has expired the person needs a new password now: no "later".
  const anyExpired = claimed.some((c) => c.account.expiresAt <= now);
  const soonest = new Date(Math.min(...claimed.map((c) => c.account.expiresAt.getTime())));
  return {
    id: randomUUID(),
    window: mostUrgent(claimed.map((c) => c.window)),
    accounts: claimed.map(({ account }) => ({
      dn: account.dn, username: account.username, expiresAt: account.expiresAt, expired: account.expiresAt <= now,
    })),
    locale: recipient.channel === 'slack' ? recipient.person.locale : recipient.locale,
    timeZone: (recipient.channel === 'slack' ? recipient.person.timeZone : undefined) ?? deps.timeZone,
    canRemindLater: recipient.channel === 'slack' && !anyExpired && nextReminder(deps.schedule, soonest, now) !== undefined,
  };
}

export function mostUrgent(windows: ReminderWindow[]): ReminderWindow {
  const rank = (w: ReminderWindow) => (w.kind === 'expired' ? -1 : w.kind === 'before' ? w.days : Number.MAX_SAFE_INTEGER);
  return [...windows].sort((a, b) => rank(a) - rank(b))[0];
}

async function auditEach(
  deps: DeliveryDeps,
  claimed: Claimed[],
  delivery: Delivery,
  result: 'ok' | 'failed',
  reason?: string,
): Promise<void> {
  for (const { account, window } of claimed) {
    await deps.audit.record({
      actor: 'system',
      action: result === 'ok' ? 'expiry-reminder.sent' : 'expiry-reminder.failed',
      subject: account.dn,
      result,
      detail: {
        window: windowName(window),
        channel: delivery.recipient.channel,
        expiresAt: account.expiresAt.toISOString(),
        ...(reason ? { reason } : {}),
      },
    });
  }
}

/** Sleeps `ms`; false when the sweep was stopped meanwhile. */
async function waited(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
