import type { AuditEvent, AuditQuery } from '../../src/store/audit-store';
import type { ClaimOutcome } from '../../src/store/claim-store';
import type { Json, StoredFlow } from '../../src/store/flow-store';
import type { Store } from '../../src/store/store';

/**
 * How a flow save fails: `throw` as a store that is down, `lose` as a compare-and-set that
 * another writer won (false), `freeze` as a process that died during the save (no answer, ever).
 */
export type FlowSaveFault = 'throw' | 'lose' | 'freeze';

interface Fault<T> {
  when: (subject: T) => boolean;
  /** How many more matching calls fail. */
  left: number;
}

interface FlowFault extends Fault<Record<string, unknown>> {
  how: FlowSaveFault;
}

/**
 * A real store (SQLite or memory) with failures on demand, passed to passdesk as its store
 * adapter: `failAudit` makes matching audit writes throw, `failFlowSave` makes matching
 * compare-and-set saves of a flow throw, lose or never answer. Everything else is the real store.
 */
export class FaultyStore implements Store {
  private readonly auditFaults: Fault<AuditEvent>[] = [];
  private readonly flowFaults: FlowFault[] = [];

  constructor(readonly inner: Store) {}

  /** The next `times` audit events matching `when` are not stored: appendAudit throws. */
  failAudit(when: (event: AuditEvent) => boolean, times = 1): void {
    this.auditFaults.push({ when, left: times });
  }

  /** The next `times` flow saves whose new state matches `when` fail as `how` says. */
  failFlowSave(when: (state: Record<string, unknown>) => boolean, how: FlowSaveFault, times = 1): void {
    this.flowFaults.push({ when, how, left: times });
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    if (take(this.auditFaults, event)) throw new Error('injected: the audit store is down');
    return this.inner.appendAudit(event);
  }

  async updateFlow(key: string, expectedVersion: number, data: Json, expiresAt: Date): Promise<boolean> {
    const state = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    const fault = take(this.flowFaults, state);
    if (fault?.how === 'throw') throw new Error('injected: the flow store is down');
    if (fault?.how === 'lose') return false;
    if (fault?.how === 'freeze') return new Promise<boolean>(() => undefined);
    return this.inner.updateFlow(key, expectedVersion, data, expiresAt);
  }

  putFlow(key: string, data: Json, expiresAt: Date): Promise<void> {
    return this.inner.putFlow(key, data, expiresAt);
  }

  getFlow(key: string, now: Date): Promise<StoredFlow<unknown> | undefined> {
    return this.inner.getFlow(key, now);
  }

  deleteFlow(key: string): Promise<void> {
    return this.inner.deleteFlow(key);
  }

  consume(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    return this.inner.consume(keys, limit, windowMs, now);
  }

  isExhausted(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    return this.inner.isExhausted(keys, limit, windowMs, now);
  }

  record(keys: string[], now: Date): Promise<void> {
    return this.inner.record(keys, now);
  }

  count(key: string, windowMs: number, now: Date): Promise<number> {
    return this.inner.count(key, windowMs, now);
  }

  claimOnce(key: string, now: Date): Promise<boolean> {
    return this.inner.claimOnce(key, now);
  }

  claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome> {
    return this.inner.claim(key, owner, now, leaseUntil);
  }

  completeClaim(key: string, owner: string, keepUntil: Date): Promise<boolean> {
    return this.inner.completeClaim(key, owner, keepUntil);
  }

  releaseClaim(key: string, owner: string): Promise<void> {
    return this.inner.releaseClaim(key, owner);
  }

  peekClaim(key: string, now: Date): Promise<'free' | 'held' | 'done'> {
    return this.inner.peekClaim(key, now);
  }

  listAudit(query?: AuditQuery): Promise<AuditEvent[]> {
    return this.inner.listAudit(query);
  }

  prune(now: Date, olderThan: Date): Promise<void> {
    return this.inner.prune(now, olderThan);
  }

  pruneAudit(olderThan: Date): Promise<number> {
    return this.inner.pruneAudit(olderThan);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The first live fault matching `subject`, used up by one. */
function take<T, F extends Fault<T>>(faults: F[], subject: T): F | undefined {
  const fault = faults.find((candidate) => candidate.left > 0 && candidate.when(subject));
  if (fault) fault.left -= 1;
  return fault;
}
