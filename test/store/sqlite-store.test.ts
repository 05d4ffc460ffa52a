import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, sqlitePathOf } from '../../src/store/open-store';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { consumeFromProcesses } from './consume-from-processes';
import { describeStoreContract } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'passdesk-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const freshPath = () => join(dir, `store-${(counter += 1)}`, 'passdesk.sqlite');
const t0 = new Date('2026-11-22T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describeStoreContract('SQLite', async () => {
  // Two connections to one file: two replicas sharing the store.
  const path = freshPath();
  return { a: SqliteStore.open(path), b: SqliteStore.open(path) };
});

describe('SQLite store: the file', () => {
  it('drops the table where an older passdesk kept its hashing key, and keeps everything else', async () => {
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    const old = new DatabaseSync(path);
    old.exec(MIGRATIONS[0]);
    old.exec('PRAGMA user_version = 1');
    old.prepare('INSERT INTO secrets (name, value) VALUES (?, ?)').run('flow-hmac-key', 'sentinel-old-key');
    old.prepare('INSERT INTO flows (key, data, version, expires_at) VALUES (?, ?, 1, ?)').run('f', '{"step":"code"}', later(60_000).getTime());
    old.close();

    const store = SqliteStore.open(path);
    expect((await store.getFlow('f', t0))?.data).toEqual({ step: 'code' });
    await store.close();
    const db = new DatabaseSync(path);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    db.close();
    expect(tables).not.toContain('secrets');
    expect(version).toBe(MIGRATIONS.length);
  });

  it('creates its folder 0700 and the file, its WAL and shared memory 0600, whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      const folder = join(dir, 'private', 'data');
      const path = join(folder, 'passdesk.sqlite');
      const store = SqliteStore.open(path);
      await store.putFlow('f', { step: 'code' }, later(60_000));
      const mode = (file: string) => statSync(file).mode & 0o777;
      expect(mode(join(dir, 'private'))).toBe(0o700);
      expect(mode(folder)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect([file, mode(file)]).toEqual([file, 0o600]);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('narrows a database file left readable by others', async () => {
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const store = SqliteStore.open(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('reads a stored flow that is not JSON as unreadable data, not a crash', async () => {
    const path = freshPath();
    const store = SqliteStore.open(path);
    await store.putFlow('f', { step: 'code' }, later(60_000));
    const db = new DatabaseSync(path);
    db.prepare('UPDATE flows SET data = ? WHERE key = ?').run('{not json', 'f');
    db.close();
    expect(await store.getFlow('f', t0)).toEqual({ data: undefined, version: 1, expiresAt: later(60_000) });
    await store.close();
  });

  it('keeps flows, counters and audit across a restart', async () => {
    const path = freshPath();
    const before = SqliteStore.open(path);
    await before.putFlow('f', { step: 'code' }, later(60_000));
    await before.record(['k'], t0);
    await before.appendAudit({ at: t0, actor: 'system', action: 'x', result: 'ok' });
    await before.close();
    const after = SqliteStore.open(path);
    expect((await after.getFlow('f', t0))?.data).toEqual({ step: 'code' });
    expect(await after.count('k', 60_000, t0)).toBe(1);
    expect(await after.listAudit()).toHaveLength(1);
    await after.close();
  });
});

describe('SQLite store: upgrades', () => {
  it('refuses a file whose schema is newer than this build knows, plainly, and changes nothing', async () => {
    const path = freshPath();
    await SqliteStore.open(path).close();
    const db = new DatabaseSync(path);
    const known = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    db.exec(`PRAGMA user_version = ${known + 1}`);
    db.close();
    expect(() => SqliteStore.open(path)).toThrow(`DATABASE_URL: the database schema is version ${known + 1}, newer than this passdesk build knows (${known})`);
    const after = new DatabaseSync(path);
    expect(after.prepare('PRAGMA user_version').get()).toEqual({ user_version: known + 1 });
    after.close();
  });
});

describe('SQLite store: replicas', () => {
  it('lets several processes open one new file at the same moment, and consumes atomically across them', async () => {
    const LIMIT = 50;
    for (let round = 0; round < 3; round += 1) {
      const path = freshPath();
      // 6 replicas ask 30 times each, at the same moment, for one shared allowance of 50.
      const granted = await consumeFromProcesses(path, { replicas: 6, attempts: 30, limit: LIMIT });
      expect(granted.reduce((sum, n) => sum + n, 0)).toBe(LIMIT);
      const store = SqliteStore.open(path);
      expect(await store.count('replicas', 60_000, new Date())).toBe(LIMIT);
      await store.close();
    }
  }, 60_000);
});

describe('DATABASE_URL', () => {
  it('accepts SQLite forms and defaults to ./data', async () => {
    expect(sqlitePathOf('sqlite:data/x.sqlite')).toBe(resolve('data/x.sqlite'));
    expect(sqlitePathOf('sqlite:///var/lib/passdesk/x.sqlite')).toBe('/var/lib/passdesk/x.sqlite');
    expect(sqlitePathOf('file:/tmp/x.sqlite')).toBe('/tmp/x.sqlite');
    expect(sqlitePathOf('/tmp/y.sqlite')).toBe('/tmp/y.sqlite');
    const store = await openStore(join(dir, 'bare', 'z.sqlite'));
    await store.close();
  });

  it('refuses unknown schemes without echoing credentials', () => {
    expect(() => sqlitePathOf('mysql://admin:s3cret@db/passdesk')).toThrow(/unsupported scheme "mysql:"/);
    expect(() => sqlitePathOf('mysql://admin:s3cret@db/passdesk')).not.toThrow(/s3cret/);
  });
});
