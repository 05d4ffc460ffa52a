import type { Json, Store } from '../../store/store';
import type { FlowRef } from './journey-types';
import type { ResetState } from './reset-state';

export interface LoadedFlow {
  state: ResetState;
  version: number;
  viewId: string;
}

/** Reset flows in the store, keyed by team, user and view: one modal, one flow. */
export class FlowRepository {
  constructor(private readonly store: Store) {}

  async create(ref: FlowRef, state: ResetState): Promise<void> {
    await this.store.putFlow(keyOf(ref), state as unknown as Json, new Date(state.expiresAt));
  }

  async load(ref: FlowRef, now: Date): Promise<LoadedFlow | undefined> {
    const stored = await this.store.getFlow<Json>(keyOf(ref), now);
    if (!stored) return undefined;
    const state = stored.data as unknown as ResetState;
    // The key already binds team and user; checking again costs nothing and guards key mistakes.
    if (state.teamId !== ref.teamId || state.userId !== ref.userId) return undefined;
    return { state, version: stored.version, viewId: ref.viewId };
  }

  /** Compare-and-set: false when another submission changed the flow first. */
  async save(ref: FlowRef, version: number, state: ResetState): Promise<boolean> {
    return this.store.updateFlow(keyOf(ref), version, state as unknown as Json, new Date(state.expiresAt));
  }
}

function keyOf(ref: FlowRef): string {
  return `password-reset:${ref.teamId}:${ref.userId}:${ref.viewId}`;
}
