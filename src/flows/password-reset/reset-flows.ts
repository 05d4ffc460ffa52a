import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';
import { type ResetState, resetStateSchema } from './reset-state';

/** `/password` flows in the store: namespace `password-reset`, keyed by the modal's view id. */
export function resetFlows(store: FlowStore): FlowRepository<ResetState> {
  return new FlowRepository(store, 'password-reset', resetStateSchema);
}
