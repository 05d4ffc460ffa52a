import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';
import { type ChangeState, changeStateSchema } from './change-state';

/** "Change a password I know" flows: namespace `change-password`, keyed by the modal's view id. */
export function changeFlows(store: FlowStore): FlowRepository<ChangeState> {
  return new FlowRepository(store, 'change-password', changeStateSchema);
}
