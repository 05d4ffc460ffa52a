/**
 * Sliding-window counters for limits. Each event is recorded under one or more keys (the Slack
 * user, each account, the phone); a window counts the events after `now - windowMs` (later ones too: replicas' clocks and
 * lock waits differ by a few milliseconds).
 */
export interface LimitStore {
  /**
   * One atomic step: when every key has fewer than `limit` events in the window, records one on
   * each and returns true; otherwise records nothing and returns false. Two replicas racing on
   * the same keys can never push a key past `limit`.
   */
  consume(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean>;
  /** True when any key already has `limit` events in the window. Records nothing. */
  isExhausted(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean>;
  /** Records one event on each key, whatever the counts (wrong answers are counted, never refused). */
  record(keys: string[], now: Date): Promise<void>;
  /** How many events `key` has in the window. */
  count(key: string, windowMs: number, now: Date): Promise<number>;
}
