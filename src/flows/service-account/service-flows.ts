import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';
import { type ServiceState, serviceStateSchema } from './service-state';

/** "Manage a service account" flows: namespace `service-account`, keyed by the modal's view id. */
export function serviceFlows(store: FlowStore): FlowRepository<ServiceState> {
  return new FlowRepository(store, 'service-account', serviceStateSchema);
}
