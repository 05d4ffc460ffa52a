import { z } from 'zod';
import { FlowRepository } from '../../src/flows/shared/flow-repository';
import { MemoryStore } from '../../src/store/memory/memory-store';

const schema = z.object({ teamId: z.string(), userId: z.string(), expiresAt: z.number(), step: z.enum(['one', 'two']) });
type State = z.infer<typeof schema>;

const now = new Date('2026-11-22T10:00:00Z');
const key = { teamId: 'T1', userId: 'U1', id: 'reminder-2026-11' };
const state: State = { teamId: 'T1', userId: 'U1', expiresAt: now.getTime() + 60_000, step: 'one' };

describe('a journey\'s flow repository', () => {
  it('keeps a flow under the journey\'s namespace and a key of its own choosing (no Slack view)', async () => {
    const store = new MemoryStore();
    const flows = new FlowRepository(store, 'expiry-reminders', schema);
    await flows.create(key, state);
    expect(await flows.load(key, now)).toEqual({ status: 'found', flow: { state, version: 1, key } });
    expect((await store.getFlow('expiry-reminders:T1:U1:reminder-2026-11', now))?.data).toEqual(state);
    // Another journey with the same key sees nothing of it.
    expect(await new FlowRepository(store, 'help-desk', schema).load(key, now)).toEqual({ status: 'missing' });
  });

  it('saves by compare-and-set: a stale version loses', async () => {
    const flows = new FlowRepository(new MemoryStore(), 'j', schema);
    await flows.create(key, state);
    expect(await flows.save(key, 1, { ...state, step: 'two' })).toBe(true);
    expect(await flows.save(key, 1, { ...state, step: 'one' })).toBe(false);
    const loaded = await flows.load(key, now);
    expect(loaded.status === 'found' && loaded.flow.state.step).toBe('two');
  });

  it('reports a stored flow that does not parse as unreadable, not as a crash or a flow', async () => {
    const store = new MemoryStore();
    const flows = new FlowRepository(store, 'j', schema);
    await store.putFlow('j:T1:U1:reminder-2026-11', { ...state, step: 'three' }, new Date(state.expiresAt));
    expect(await flows.load(key, now)).toEqual({ status: 'unreadable' });
    await store.putFlow('j:T1:U1:reminder-2026-11', 'not an object', new Date(state.expiresAt));
    expect(await flows.load(key, now)).toEqual({ status: 'unreadable' });
  });

  it('treats a flow of another person under the same key as missing', async () => {
    const store = new MemoryStore();
    await store.putFlow('j:T1:U1:reminder-2026-11', { ...state, userId: 'U2' }, new Date(state.expiresAt));
    expect(await new FlowRepository(store, 'j', schema).load(key, now)).toEqual({ status: 'missing' });
  });

  it('forgets a flow once it expires', async () => {
    const flows = new FlowRepository(new MemoryStore(), 'j', schema);
    await flows.create(key, state);
    expect(await flows.load(key, new Date(state.expiresAt))).toEqual({ status: 'missing' });
  });
});
