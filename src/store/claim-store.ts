/** What taking a claim found: now ours, completed already, or held by another owner whose lease still runs. */
export type ClaimOutcome = 'claimed' | 'done' | 'held';

/** "Never twice": a key claimed once stays claimed (e.g. one reminder per account and window). */
export interface ClaimStore {
  /** True the first time `key` is claimed, false ever after, also across replicas. */
  claimOnce(key: string, now: Date): Promise<boolean>;

  /**
   * A claim taken before doing something that must happen once and may fail (sending a reminder):
   * 'claimed' when `owner` now holds it until `leaseUntil` (a new key, or one whose holder's lease
   * ran out without completing: a crashed process); 'held' while another owner's lease runs;
   * 'done' once completed. Across replicas.
   */
  claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome>;
  /** The work is done: never taken again, kept until `keepUntil`. False when `owner` no longer holds it. */
  completeClaim(key: string, owner: string, keepUntil: Date): Promise<boolean>;
  /** Gives back a claim whose work failed, so it can be taken again at once. */
  releaseClaim(key: string, owner: string): Promise<void>;
  /** What `claim` would find, without taking it (a dry run): 'free' for a new key or a lapsed lease. */
  peekClaim(key: string, now: Date): Promise<'free' | 'held' | 'done'>;
}
