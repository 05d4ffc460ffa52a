import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';
import { type UnlockState, unlockStateSchema } from './unlock-state';

/** "My account is locked" flows: namespace `unlock-account`, keyed by the modal's view id. */
export function unlockFlows(store: FlowStore): FlowRepository<UnlockState> {
  return new FlowRepository(store, 'unlock-account', unlockStateSchema);
}
