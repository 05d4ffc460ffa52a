/**
 * Keeps calls of one Slack method under its published rate: at most `max` calls in any `perMs`
 * window (a sliding window, so a small sweep goes at once and a large one is spread out), and none
 * while Slack has asked us to wait (`pause`, from a 429's Retry-After).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimit {
  max: number;
  perMs: number;
}

export interface PacerTime {
  now(): number;
  /** Rejects when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realTime: PacerTime = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, undefined, { signal }) };

export class RatePacer {
  private readonly recent: number[] = [];
  private pausedUntil = 0;

  constructor(private readonly limit: RateLimit, private readonly time: PacerTime = realTime) {}

  /** Waits until a call is allowed, and counts it; rejects when `signal` aborts the wait. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.time.now();
      while (this.recent.length > 0 && this.recent[0] <= now - this.limit.perMs) this.recent.shift();
      const windowWait = this.recent.length >= this.limit.max ? this.recent[0] + this.limit.perMs - now : 0;
      const wait = Math.max(windowWait, this.pausedUntil - now);
      if (wait <= 0) {
        this.recent.push(now);
        return;
      }
      await this.time.sleep(wait, signal);
    }
  }

  /** Slack said "retry after": no call until then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + ms);
  }
}

/**
 * Slack's published limits for what the sweep calls: users.lookupByEmail is Tier 3 (50+ a minute),
 * users.info Tier 4 (100+ a minute), chat.postMessage about one a second per channel (the sweep
 * writes once to each person's DM) with a workspace ceiling kept well under Slack's.
 */
export const SLACK_RATE_LIMITS = {
  lookupByEmail: { max: 50, perMs: 60_000 },
  usersInfo: { max: 100, perMs: 60_000 },
  postMessage: { max: 60, perMs: 60_000 },
} as const satisfies Record<string, RateLimit>;
