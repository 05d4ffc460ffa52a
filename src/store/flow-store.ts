/** JSON-serialisable values only: the store keeps them as JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface StoredFlow<T> {
  data: T;
  /** Incremented by every successful update; pass it back to `updateFlow`. */
  version: number;
  expiresAt: Date;
}

/** Flow state between steps, by key. Journeys use it through `flows/shared/flow-repository.ts`. */
export interface FlowStore {
  /** Creates or replaces a flow. */
  putFlow(key: string, data: Json, expiresAt: Date): Promise<void>;
  /** The flow, or undefined when absent or expired at `now`. The data is unchecked: parse it. */
  getFlow(key: string, now: Date): Promise<StoredFlow<unknown> | undefined>;
  /**
   * Replaces the flow only if its version is still `expectedVersion` (compare-and-set), so two
   * submissions racing on one flow cannot both win. False when the version moved or the flow is gone.
   */
  updateFlow(key: string, expectedVersion: number, data: Json, expiresAt: Date): Promise<boolean>;
  deleteFlow(key: string): Promise<void>;
}
