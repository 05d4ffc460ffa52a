/** Keeps the store small; run on a schedule by `prune-schedule.ts`. */
export interface Housekeeping {
  /** Drops flows expired at `now` and counter events older than `olderThan`. */
  prune(now: Date, olderThan: Date): Promise<void>;
  /** Drops audit events older than `olderThan` (`AUDIT_RETENTION_DAYS`); returns how many. */
  pruneAudit(olderThan: Date): Promise<number>;
}
