import { type AuditEvent, type AuditQuery, DEFAULT_AUDIT_PAGE } from '../audit-store';
import type { ClaimOutcome } from '../claim-store';
import type { Json, StoredFlow } from '../flow-store';
import { anyKeyAtLimit, distinctKeys } from '../limit-check';
import type { Store } from '../store';

interface LeasedClaim {
  owner: string;
  state: 'held' | 'done';
  leaseUntil: number;
  keepUntil: number;
}

interface FlowRow {
  /** Kept as JSON text, as a real store would, so callers never share objects with it. */
  data: string;
  version: number;
  expiresAt: number;
}

/**
 * The store in this process's memory: the same semantics as the SQLite store (checked by the
 * same contract tests), nothing kept after the process ends. For unit tests and the demo.
 * Every method does its work in one synchronous run, which makes each one atomic.
 */
export class MemoryStore implements Store {
  private readonly flows = new Map<string, FlowRow>();
  private readonly counterEvents = new Map<string, number[]>();
  private readonly claims = new Map<string, number>();
  private readonly leasedClaims = new Map<string, LeasedClaim>();
  private readonly audit: AuditEvent[] = [];

  async putFlow(key: string, data: Json, expiresAt: Date): Promise<void> {
    const version = (this.flows.get(key)?.version ?? 0) + 1;
    this.flows.set(key, { data: JSON.stringify(data), version, expiresAt: expiresAt.getTime() });
  }

  async getFlow(key: string, now: Date): Promise<StoredFlow<unknown> | undefined> {
    const row = this.flows.get(key);
    if (!row || row.expiresAt <= now.getTime()) return undefined;
    return { data: JSON.parse(row.data) as unknown, version: row.version, expiresAt: new Date(row.expiresAt) };
  }

  async updateFlow(key: string, expectedVersion: number, data: Json, expiresAt: Date): Promise<boolean> {
    const row = this.flows.get(key);
    if (!row || row.version !== expectedVersion) return false;
    this.flows.set(key, { data: JSON.stringify(data), version: row.version + 1, expiresAt: expiresAt.getTime() });
    return true;
  }

  async deleteFlow(key: string): Promise<void> {
    this.flows.delete(key);
  }

  async consume(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    if (this.anyAtLimit(keys, limit, windowMs, now)) return false;
    this.insertEvents(keys, now);
    return true;
  }

  async isExhausted(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    return this.anyAtLimit(keys, limit, windowMs, now);
  }

  async record(keys: string[], now: Date): Promise<void> {
    this.insertEvents(keys, now);
  }

  async count(key: string, windowMs: number, now: Date): Promise<number> {
    return this.countInWindow(key, windowMs, now);
  }

  async claimOnce(key: string, now: Date): Promise<boolean> {
    if (this.claims.has(key)) return false;
    this.claims.set(key, now.getTime());
    return true;
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome> {
    const current = this.leasedClaims.get(key);
    if (current?.state === 'done') return 'done';
    if (current && current.leaseUntil > now.getTime()) return 'held';
    this.leasedClaims.set(key, { owner, state: 'held', leaseUntil: leaseUntil.getTime(), keepUntil: leaseUntil.getTime() });
    return 'claimed';
  }

  async completeClaim(key: string, owner: string, keepUntil: Date): Promise<boolean> {
    const current = this.leasedClaims.get(key);
    if (current?.state !== 'held' || current.owner !== owner) return false;
    this.leasedClaims.set(key, { ...current, state: 'done', keepUntil: keepUntil.getTime() });
    return true;
  }

  async releaseClaim(key: string, owner: string): Promise<void> {
    const current = this.leasedClaims.get(key);
    if (current?.state === 'held' && current.owner === owner) this.leasedClaims.delete(key);
  }

  async peekClaim(key: string, now: Date): Promise<'free' | 'held' | 'done'> {
    const current = this.leasedClaims.get(key);
    if (!current) return 'free';
    if (current.state === 'done') return 'done';
    return current.leaseUntil > now.getTime() ? 'held' : 'free';
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    this.audit.push(structuredClone(event));
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const matches = (event: AuditEvent) =>
      (!query.action || event.action === query.action) &&
      (!query.actor || event.actor === query.actor) &&
      (!query.subject || event.subject === query.subject) &&
      (!query.since || event.at.getTime() >= query.since.getTime());
    // Newest first; among equal times the later appended first, as the SQLite store orders by id.
    const newestFirst = this.audit
      .map((event, index) => ({ event, index }))
      .filter(({ event }) => matches(event))
      .sort((a, b) => b.event.at.getTime() - a.event.at.getTime() || b.index - a.index);
    return newestFirst.slice(0, query.limit ?? DEFAULT_AUDIT_PAGE).map(({ event }) => structuredClone(event));
  }

  async prune(now: Date, olderThan: Date): Promise<void> {
    for (const [key, row] of this.flows) if (row.expiresAt <= now.getTime()) this.flows.delete(key);
    for (const [key, events] of this.counterEvents) {
      const kept = events.filter((at) => at >= olderThan.getTime());
      if (kept.length > 0) this.counterEvents.set(key, kept);
      else this.counterEvents.delete(key);
    }
    for (const [key, claim] of this.leasedClaims) {
      const over = claim.state === 'done' ? claim.keepUntil : claim.leaseUntil;
      if (over <= now.getTime()) this.leasedClaims.delete(key);
    }
  }

  async pruneAudit(olderThan: Date): Promise<number> {
    const before = this.audit.length;
    const kept = this.audit.filter((event) => event.at.getTime() >= olderThan.getTime());
    this.audit.splice(0, this.audit.length, ...kept);
    return before - kept.length;
  }

  async close(): Promise<void> {
    // Nothing to release; the data stays for whoever still holds this store (a demo restart).
  }

  private anyAtLimit(keys: string[], limit: number, windowMs: number, now: Date): boolean {
    return anyKeyAtLimit(keys, limit, (key) => this.countInWindow(key, windowMs, now));
  }

  private countInWindow(key: string, windowMs: number, now: Date): number {
    const since = now.getTime() - windowMs;
    return (this.counterEvents.get(key) ?? []).filter((at) => at > since).length;
  }

  private insertEvents(keys: string[], now: Date): void {
    for (const key of distinctKeys(keys)) this.counterEvents.set(key, [...(this.counterEvents.get(key) ?? []), now.getTime()]);
  }
}
