import type { AuditStore } from './audit-store';
import type { ClaimStore } from './claim-store';
import type { FlowStore } from './flow-store';
import type { Housekeeping } from './housekeeping';
import type { LimitStore } from './limit-store';

/**
 * Everything that must survive a restart or be shared between replicas. Journeys depend on the
 * narrow ports (FlowStore, LimitStore, ClaimStore, AuditStore); only the composition root holds
 * a whole Store. Adapters: `sqlite/` (default, a file) and `memory/` (unit tests, the demo), both
 * checked by `test/store/store-contract.ts`. No secret is kept here: the key that hashes what
 * the store holds comes from PASSDESK_SECRET_KEY (see `secret-key.ts`).
 */
export interface Store extends FlowStore, LimitStore, ClaimStore, AuditStore, Housekeeping {
  close(): Promise<void>;
}
