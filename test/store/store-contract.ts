import type { Store } from '../../src/store/store';

/**
 * What every store adapter must do, as one suite: run it against each adapter (SQLite, memory,
 * and any later one such as PostgreSQL). `open` gives a fresh, empty store as two handles on the
 * same data: two connections where the adapter has them (two replicas), else the same object.
 */
export function describeStoreContract(name: string, open: () => Promise<StorePair>): void {
  const t0 = new Date('2026-11-22T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const HOUR = 3_600_000;

  let pair: StorePair;
  let store: Store;
  beforeEach(async () => {
    pair = await open();
    store = pair.a;
  });
  afterEach(async () => {
    await pair.a.close();
    if (pair.b !== pair.a) await pair.b.close();
  });

  describe(`${name} store: flows`, () => {
    it('keeps a flow until it expires', async () => {
      await store.putFlow('f', { step: 'identity' }, later(1000));
      expect(await store.getFlow('f', t0)).toEqual({ data: { step: 'identity' }, version: 1, expiresAt: later(1000) });
      expect(await store.getFlow('f', later(1000))).toBeUndefined();
    });

    it('updates by compare-and-set: a stale version loses', async () => {
      await store.putFlow('f', { n: 0 }, later(60_000));
      expect(await store.updateFlow('f', 1, { n: 1 }, later(60_000))).toBe(true);
      expect(await store.updateFlow('f', 1, { n: 2 }, later(60_000))).toBe(false);
      expect((await store.getFlow('f', t0))?.data).toEqual({ n: 1 });
      expect(await store.updateFlow('missing', 1, { n: 1 }, later(60_000))).toBe(false);
    });

    it('lets exactly one of two racing writers win, across two handles', async () => {
      await pair.a.putFlow('f', { by: 'none' }, later(60_000));
      const results = await Promise.all([
        pair.a.updateFlow('f', 1, { by: 'a' }, later(60_000)),
        pair.b.updateFlow('f', 1, { by: 'b' }, later(60_000)),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await pair.b.getFlow('f', t0))?.version).toBe(2);
    });

    it('gives back a copy: changing what was read or written changes nothing stored', async () => {
      const data = { list: ['a'] };
      await store.putFlow('f', data, later(1000));
      data.list.push('b');
      const read = (await store.getFlow('f', t0))?.data as { list: string[] };
      read.list.push('c');
      expect((await store.getFlow('f', t0))?.data).toEqual({ list: ['a'] });
    });

    it('deletes a flow', async () => {
      await store.putFlow('f', { x: 1 }, later(1000));
      await store.deleteFlow('f');
      expect(await store.getFlow('f', t0)).toBeUndefined();
    });
  });

  describe(`${name} store: limits`, () => {
    it('counts events in a sliding window; count() and isExhausted() record nothing', async () => {
      await store.record(['k'], t0);
      await store.record(['k'], later(10 * 60_000));
      expect(await store.count('k', HOUR, later(20 * 60_000))).toBe(2);
      expect(await store.isExhausted(['k'], 2, HOUR, later(20 * 60_000))).toBe(true);
      expect(await store.isExhausted(['k'], 3, HOUR, later(20 * 60_000))).toBe(false);
      expect(await store.count('k', HOUR, later(20 * 60_000))).toBe(2);
      // The first event leaves the window one hour after it happened.
      expect(await store.count('k', HOUR, later(HOUR))).toBe(1);
      expect(await store.count('other', HOUR, t0)).toBe(0);
    });

    it('consumes on every key, or on none when any key is at its limit', async () => {
      expect(await store.consume(['user', 'phone'], 2, HOUR, t0)).toBe(true);
      expect(await store.consume(['phone'], 2, HOUR, t0)).toBe(true);
      // The phone is used up: nothing is counted, not even for the user.
      expect(await store.consume(['user', 'phone'], 2, HOUR, later(1))).toBe(false);
      expect(await store.count('user', HOUR, later(1))).toBe(1);
      expect(await store.count('phone', HOUR, later(1))).toBe(2);
      expect(await store.consume(['user', 'phone'], 2, HOUR, later(HOUR + 1))).toBe(true);
    });

    it('never lets racing consumes from two handles past the limit (a check-then-record would)', async () => {
      const LIMIT = 5;
      const race = async (consume: (s: Store) => Promise<boolean>) => {
        const granted = await Promise.all(Array.from({ length: 30 }, (_, i) => consume(i % 2 === 0 ? pair.a : pair.b)));
        return granted.filter(Boolean).length;
      };
      expect(await race((s) => s.consume(['race:user', 'race:phone'], LIMIT, HOUR, t0))).toBe(LIMIT);
      expect(await store.count('race:phone', HOUR, t0)).toBe(LIMIT);

      // The same race with a consume built as check, then record: the test tells it apart.
      const checkThenRecord = async (s: Store) => {
        if (await s.isExhausted(['naive'], LIMIT, HOUR, t0)) return false;
        await s.record(['naive'], t0);
        return true;
      };
      expect(await race(checkThenRecord)).toBeGreaterThan(LIMIT);
    });

    it('drops counter events older than the prune horizon, and expired flows', async () => {
      await store.putFlow('old', { x: 1 }, later(1000));
      await store.putFlow('live', { x: 2 }, later(100_000));
      await store.record(['k'], t0);
      await store.record(['k'], later(5));
      await store.prune(later(2000), later(1));
      expect(await store.getFlow('old', t0)).toBeUndefined();
      expect(await store.getFlow('live', t0)).toBeDefined();
      expect(await store.count('k', HOUR, later(10))).toBe(1);
    });
  });

  describe(`${name} store: claims, audit`, () => {
    it('claims a key once, across handles', async () => {
      expect(await pair.a.claimOnce('reminder:x', t0)).toBe(true);
      expect(await pair.b.claimOnce('reminder:x', later(1))).toBe(false);
      expect(await pair.a.claimOnce('reminder:y', later(1))).toBe(true);
    });

    it('gives a leased claim to one owner; a completed claim is never taken again', async () => {
      const lease = later(60_000);
      expect(await pair.a.peekClaim('r:1', t0)).toBe('free');
      expect(await pair.a.claim('r:1', 'sweep-a', t0, lease)).toBe('claimed');
      expect(await pair.b.peekClaim('r:1', t0)).toBe('held');
      expect(await pair.b.peekClaim('r:1', lease)).toBe('free');
      expect(await pair.b.claim('r:1', 'sweep-b', t0, lease)).toBe('held');
      expect(await pair.b.completeClaim('r:1', 'sweep-b', later(HOUR))).toBe(false);
      expect(await pair.a.completeClaim('r:1', 'sweep-a', later(HOUR))).toBe(true);
      expect(await pair.b.claim('r:1', 'sweep-b', later(120_000), later(180_000))).toBe('done');
      expect(await pair.b.peekClaim('r:1', later(120_000))).toBe('done');
    });

    it('lets a released claim, or one whose holder died (lease over), be taken again', async () => {
      expect(await pair.a.claim('r:1', 'sweep-a', t0, later(60_000))).toBe('claimed');
      await pair.b.releaseClaim('r:1', 'sweep-b'); // not b's to release
      expect(await pair.b.claim('r:1', 'sweep-b', t0, later(60_000))).toBe('held');
      await pair.a.releaseClaim('r:1', 'sweep-a');
      expect(await pair.b.claim('r:1', 'sweep-b', t0, later(60_000))).toBe('claimed');

      // sweep-b "crashes": its lease runs out and sweep-c takes over; b can no longer complete.
      expect(await pair.a.claim('r:1', 'sweep-c', later(59_999), later(120_000))).toBe('held');
      expect(await pair.a.claim('r:1', 'sweep-c', later(60_000), later(120_000))).toBe('claimed');
      expect(await pair.b.completeClaim('r:1', 'sweep-b', later(HOUR))).toBe(false);
    });

    it('gives a claim to exactly one of many racing owners across two handles, also when they take over a lapsed lease', async () => {
      const race = async (at: Date, leaseUntil: Date) => {
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? pair.a : pair.b).claim('r:race', `sweep-${i}`, at, leaseUntil)));
        return outcomes.filter((outcome) => outcome === 'claimed').length;
      };
      expect(await race(t0, later(60_000))).toBe(1);
      expect(await race(later(60_000), later(120_000))).toBe(1); // the first winner's lease ran out
    });

    it('prunes completed claims past their keep time and lapsed ones', async () => {
      expect(await pair.a.claim('r:1', 'a', t0, later(60_000))).toBe('claimed');
      expect(await pair.a.completeClaim('r:1', 'a', later(HOUR))).toBe(true);
      expect(await pair.a.claim('r:2', 'b', t0, later(60_000))).toBe('claimed');
      await pair.b.prune(later(HOUR - 1), t0);
      expect(await pair.a.claim('r:1', 'a', later(HOUR - 1), later(HOUR))).toBe('done');
      await pair.b.prune(later(HOUR), t0);
      expect(await pair.a.claim('r:1', 'a', later(HOUR), later(2 * HOUR))).toBe('claimed');
      expect(await pair.a.claim('r:2', 'a', later(HOUR), later(2 * HOUR))).toBe('claimed');
    });

    it('lists audit events newest first, filtered, with detail and UTC times', async () => {
      await store.appendAudit({ at: t0, actor: 'slack:T:U1', action: 'a.started', result: 'ok', requestId: 'r1' });
      await store.appendAudit({ at: later(1000), actor: 'slack:T:U1', action: 'a.code-sent', subject: 'uid=x',
        result: 'ok', detail: { phone: '***00', n: 1, ok: true } });
      await store.appendAudit({ at: later(2000), actor: 'slack:T:U2', action: 'a.started', result: 'refused' });
      const all = await store.listAudit();
      expect(all.map((e) => e.action)).toEqual(['a.started', 'a.code-sent', 'a.started']);
      expect(all[2]).toEqual({ at: t0, actor: 'slack:T:U1', action: 'a.started', result: 'ok', requestId: 'r1',
        subject: undefined, detail: undefined });
      expect(all[1].detail).toEqual({ phone: '***00', n: 1, ok: true });
      expect(all[1].at.toISOString()).toBe('2026-11-22T10:00:01.000Z');
      expect(await store.listAudit({ action: 'a.started' })).toHaveLength(2);
      expect(await store.listAudit({ actor: 'slack:T:U2' })).toHaveLength(1);
      expect(await store.listAudit({ subject: 'uid=x' })).toHaveLength(1);
      expect(await store.listAudit({ since: later(1000) })).toHaveLength(2);
      expect(await store.listAudit({ limit: 1 })).toHaveLength(1);
    });

    it('prunes audit events older than the retention horizon and says how many', async () => {
      await store.appendAudit({ at: t0, actor: 'system', action: 'a.old', result: 'ok' });
      await store.appendAudit({ at: later(999), actor: 'system', action: 'a.older-than-horizon', result: 'ok' });
      await store.appendAudit({ at: later(1000), actor: 'system', action: 'a.at-horizon', result: 'ok' });
      expect(await pair.b.pruneAudit(later(1000))).toBe(2);
      expect((await store.listAudit()).map((e) => e.action)).toEqual(['a.at-horizon']);
      expect(await store.pruneAudit(later(1000))).toBe(0);
    });
  });
}

export interface StorePair {
  a: Store;
  b: Store;
}
