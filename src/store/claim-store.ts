/** "Never twice": a key claimed once stays claimed (e.g. one reminder per account and window). */
export interface ClaimStore {
  /** True the first time `key` is claimed, false ever after, also across replicas. */
  claimOnce(key: string, now: Date): Promise<boolean>;
}
