import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, sqlitePathOf } from '../../src/store/open-store';
import { SqliteStore } from '../../src/store/sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'passdesk-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const freshPath = () => join(dir, `store-${(counter += 1)}`, 'passdesk.sqlite');
const t0 = new Date('2026-11-22T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('SQLite store: flows', () => {
  it('keeps a flow until it expires', async () => {
    const store = SqliteStore.open(freshPath());
    await store.putFlow('f', { step: 'identity' }, later(1000));
    expect(await store.getFlow('f', t0)).toEqual({ data: { step: 'identity' }, version: 1, expiresAt: later(1000) });
    expect(await store.getFlow('f', later(1000))).toBeUndefined();
    await store.close();
  });

  it('updates by compare-and-set: a stale version loses', async () => {
    const store = SqliteStore.open(freshPath());
    await store.putFlow('f', { n: 0 }, later(60_000));
    expect(await store.updateFlow('f', 1, { n: 1 }, later(60_000))).toBe(true);
    expect(await store.updateFlow('f', 1, { n: 2 }, later(60_000))).toBe(false);
    expect((await store.getFlow('f', t0))?.data).toEqual({ n: 1 });
    expect(await store.updateFlow('missing', 1, { n: 1 }, later(60_000))).toBe(false);
    await store.close();
  });

  it('lets exactly one of two racing writers win, across two connections to one file', async () => {
    const path = freshPath();
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    await a.putFlow('f', { by: 'none' }, later(60_000));
    const results = await Promise.all([
      a.updateFlow('f', 1, { by: 'a' }, later(60_000)),
      b.updateFlow('f', 1, { by: 'b' }, later(60_000)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await b.getFlow('f', t0))?.version).toBe(2);
    await a.close();
    await b.close();
  });

  it('deletes a flow', async () => {
    const store = SqliteStore.open(freshPath());
    await store.putFlow('f', { x: 1 }, later(1000));
    await store.deleteFlow('f');
    expect(await store.getFlow('f', t0)).toBeUndefined();
    await store.close();
  });
});

describe('SQLite store: counters, markers, secrets', () => {
  it('counts events in a sliding window; count() records nothing', async () => {
    const store = SqliteStore.open(freshPath());
    const hour = 3_600_000;
    expect(await store.hit('k', hour, t0)).toBe(1);
    expect(await store.hit('k', hour, later(10 * 60_000))).toBe(2);
    expect(await store.count('k', hour, later(20 * 60_000))).toBe(2);
    expect(await store.count('k', hour, later(20 * 60_000))).toBe(2);
    // The first event leaves the window one hour after it happened.
    expect(await store.count('k', hour, later(hour))).toBe(1);
    expect(await store.hit('k', hour, later(hour + 10 * 60_000))).toBe(1);
    expect(await store.count('other', hour, t0)).toBe(0);
    await store.close();
  });

  it('marks a key once', async () => {
    const store = SqliteStore.open(freshPath());
    expect(await store.markOnce('reminder:x', t0)).toBe(true);
    expect(await store.markOnce('reminder:x', later(1))).toBe(false);
    await store.close();
  });

  it('creates a secret once and keeps it across reopen', async () => {
    const path = freshPath();
    const first = SqliteStore.open(path);
    const value = await first.secret('key', () => 'first');
    expect(await first.secret('key', () => 'second')).toBe('first');
    await first.close();
    const reopened = SqliteStore.open(path);
    expect(await reopened.secret('key', () => 'third')).toBe(value);
    await reopened.close();
  });
});

describe('SQLite store: audit and restarts', () => {
  it('lists audit events newest first, filtered, with detail and UTC times', async () => {
    const store = SqliteStore.open(freshPath());
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
    await store.close();
  });

  it('keeps flows, counters and audit across a restart', async () => {
    const path = freshPath();
    const before = SqliteStore.open(path);
    await before.putFlow('f', { step: 'code' }, later(60_000));
    await before.hit('k', 60_000, t0);
    await before.appendAudit({ at: t0, actor: 'system', action: 'x', result: 'ok' });
    await before.close();
    const after = SqliteStore.open(path);
    expect((await after.getFlow('f', t0))?.data).toEqual({ step: 'code' });
    expect(await after.count('k', 60_000, t0)).toBe(1);
    expect(await after.listAudit()).toHaveLength(1);
    await after.close();
  });

  it('prunes expired flows and old counter events', async () => {
    const store = SqliteStore.open(freshPath());
    await store.putFlow('old', { x: 1 }, later(1000));
    await store.putFlow('live', { x: 2 }, later(100_000));
    await store.hit('k', 3_600_000, t0);
    await store.prune(later(2000), later(1));
    expect(await store.getFlow('old', t0)).toBeUndefined();
    expect(await store.getFlow('live', t0)).toBeDefined();
    expect(await store.count('k', 3_600_000, later(10))).toBe(0);
    await store.close();
  });
});

describe('SQLite store: replicas', () => {
  it('lets several processes open one new file at the same moment, and counts atomically across them', async () => {
    const runProcess = (path: string) => new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', join(__dirname, 'open-from-process.ts'), path],
        (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout)));
    });
    for (let round = 0; round < 3; round += 1) {
      const path = freshPath();
      const seen = await Promise.all(Array.from({ length: 6 }, () => runProcess(path)));
      expect(seen.map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  }, 60_000);
});

describe('DATABASE_URL', () => {
  it('accepts SQLite forms and defaults to ./data', async () => {
    expect(sqlitePathOf('sqlite:data/x.sqlite')).toBe(resolve('data/x.sqlite'));
    expect(sqlitePathOf('sqlite:///var/lib/passdesk/x.sqlite')).toBe('/var/lib/passdesk/x.sqlite');
    expect(sqlitePathOf('file:/tmp/x.sqlite')).toBe('/tmp/x.sqlite');
    expect(sqlitePathOf('/tmp/y.sqlite')).toBe('/tmp/y.sqlite');
    const store = openStore(join(dir, 'bare', 'z.sqlite'));
    await store.close();
  });

  it('refuses PostgreSQL and unknown schemes without echoing credentials', () => {
    expect(() => sqlitePathOf('postgres://admin:s3cret@db/passdesk')).toThrow(/PostgreSQL/);
    expect(() => sqlitePathOf('postgres://admin:s3cret@db/passdesk')).not.toThrow(/s3cret/);
    expect(() => sqlitePathOf('mysql://admin:s3cret@db/passdesk')).toThrow(/unsupported scheme "mysql:"/);
    expect(() => sqlitePathOf('mysql://admin:s3cret@db/passdesk')).not.toThrow(/s3cret/);
  });
});
