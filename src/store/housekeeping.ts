/** Keeps the store small; run on a schedule by `prune-schedule.ts`. */
export interface Housekeeping {
  /**
   * Drops flows expired at `now`, counter events older than `olderThan`, completed claims past
   * their keep time and claims whose lease ran out (as good as released).
   */
  prune(now: Date, olderThan: Date): Promise<void>;
  /** Drops audit events older than `olderThan` (`AUDIT_RETENTION_DAYS`); returns how many. */
  pruneAudit(olderThan: Date): Promise<number>;
}
