/**
 * The store port: flow state, limit counters, audit events and small server secrets.
 * Adapter: `sqlite-store.ts` (default, a file). Everything that must survive a restart or be
 * shared between replicas lives here.
 */

/** JSON-serialisable values only: the store keeps them as JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface StoredFlow<T> {
  data: T;
  /** Incremented by every successful update; pass it back to `updateFlow`. */
  version: number;
  expiresAt: Date;
}

export type AuditResult = 'ok' | 'refused' | 'failed';

export interface AuditEvent {
  /** UTC time of the event. */
  at: Date;
  /** Who acted: `slack:<team>:<user>`, or `system`. */
  actor: string;
  /** What happened, dotted: `password-reset.started`, `password-reset.code-sent`, ... */
  action: string;
  /** The account it concerns (a DN), when there is one. */
  subject?: string;
  result: AuditResult;
  /** Extra facts. Never a password, code, token or full phone number. */
  detail?: Record<string, string | number | boolean>;
  /** The request id of the interaction, to join audit and log lines. */
  requestId?: string;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  subject?: string;
  since?: Date;
  limit?: number;
}

export interface Store {
  /** Creates or replaces a flow. */
  putFlow<T extends Json>(key: string, data: T, expiresAt: Date): Promise<void>;
  /** The flow, or undefined when absent or expired at `now`. */
  getFlow<T extends Json>(key: string, now: Date): Promise<StoredFlow<T> | undefined>;
  /**
   * Replaces the flow only if its version is still `expectedVersion` (compare-and-set), so two
   * submissions racing on one flow cannot both win. False when the version moved or the flow is gone.
   */
  updateFlow<T extends Json>(key: string, expectedVersion: number, data: T, expiresAt: Date): Promise<boolean>;
  deleteFlow(key: string): Promise<void>;

  /** Records one event under `key` at `now` and returns how many fall within the last `windowMs` (this one included). */
  hit(key: string, windowMs: number, now: Date): Promise<number>;
  /** How many events under `key` fall within the last `windowMs`, without recording one. */
  count(key: string, windowMs: number, now: Date): Promise<number>;

  /** Marks `key` as done; true the first time, false if it was already marked (for "never twice"). */
  markOnce(key: string, now: Date): Promise<boolean>;

  appendAudit(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;

  /** A server secret (e.g. the key that hashes SMS codes), created once with `create` and kept. */
  secret(name: string, create: () => string): Promise<string>;

  /** Drops expired flows and counter events older than `olderThan`. */
  prune(now: Date, olderThan: Date): Promise<void>;

  close(): Promise<void>;
}
