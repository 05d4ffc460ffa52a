import type { z } from 'zod';
import type { FlowStore, Json } from '../../store/flow-store';

/**
 * Which flow: the person (team, user) and whatever tells their flows apart. For a modal journey
 * `id` is the Slack view id (one modal, one flow); a journey without a modal picks its own.
 */
export interface FlowKey {
  teamId: string;
  userId: string;
  id: string;
}

/** What every journey's state carries: whose it is and until when it lives. */
export type FlowState = { teamId: string; userId: string; expiresAt: number } & { [field: string]: Json | undefined };

export interface LoadedFlow<S> {
  state: S;
  /** Pass back to `save` (compare-and-set). */
  version: number;
  key: FlowKey;
}

export type FlowLoad<S> =
  | { status: 'found'; flow: LoadedFlow<S> }
  /** Never started, expired or pruned. */
  | { status: 'missing' }
  /** Stored, but it does not parse (an older passdesk wrote it, or it is damaged): start again. */
  | { status: 'unreadable' };

/**
 * One journey's flows in the store, under its own namespace. What comes back is parsed with the
 * journey's zod schema, so a journey only ever sees a state of its own shape.
 */
export class FlowRepository<S extends FlowState> {
  constructor(
    private readonly store: FlowStore,
    private readonly namespace: string,
    private readonly schema: z.ZodType<S>,
  ) {}

  async create(key: FlowKey, state: S): Promise<void> {
    await this.store.putFlow(this.keyOf(key), state, new Date(state.expiresAt));
  }

  async load(key: FlowKey, now: Date): Promise<FlowLoad<S>> {
    const stored = await this.store.getFlow(this.keyOf(key), now);
    if (!stored) return { status: 'missing' };
    const parsed = this.schema.safeParse(stored.data);
    if (!parsed.success) return { status: 'unreadable' };
    const state = parsed.data;
    // The key already binds team and user; checking again costs nothing and guards key mistakes.
    if (state.teamId !== key.teamId || state.userId !== key.userId) return { status: 'missing' };
    return { status: 'found', flow: { state, version: stored.version, key } };
  }

  /** Compare-and-set: false when another submission changed the flow first (or it is gone). */
  async save(key: FlowKey, version: number, state: S): Promise<boolean> {
    return this.store.updateFlow(this.keyOf(key), version, state, new Date(state.expiresAt));
  }

  private keyOf(key: FlowKey): string {
    return `${this.namespace}:${key.teamId}:${key.userId}:${key.id}`;
  }
}
