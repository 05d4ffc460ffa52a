import { openStore } from '../../src/store/open-store';
import { SCHEMA_VERSION } from '../../src/store/postgres/migrations';
import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { type PostgresServer, startPostgres, withClient } from '../harness/postgres';
import { consumeFromProcesses } from './consume-from-processes';
import { describeStoreContract } from './store-contract';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const t0 = new Date('2026-11-22T10:00:00Z');

describeStoreContract('PostgreSQL', async () => {
  // Two pools on one database: two replicas sharing the store.
  const url = await server.createDatabase();
  return { a: await PostgresStore.open(url), b: await PostgresStore.open(url) };
});

describe('PostgreSQL store: the database', () => {
  it('is chosen by a postgres:// DATABASE_URL, and keeps flows, counters, claims and audit across a restart', async () => {
    const url = await server.createDatabase();
    const before = await openStore(url);
    expect(before).toBeInstanceOf(PostgresStore);
    await before.putFlow('f', { step: 'code' }, new Date(t0.getTime() + 60_000));
    await before.record(['k'], t0);
    await before.claimOnce('c', t0);
    await before.appendAudit({ at: t0, actor: 'system', action: 'x', result: 'ok' });
    await before.close();
    const after = await openStore(url.replace(/^postgres:/, 'postgresql:'));
    expect((await after.getFlow('f', t0))?.data).toEqual({ step: 'code' });
    expect(await after.count('k', 60_000, t0)).toBe(1);
    expect(await after.claimOnce('c', t0)).toBe(false);
    expect(await after.listAudit()).toHaveLength(1);
    await after.close();
  });

  it('migrates once when many replicas start together on an empty database (advisory lock)', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 8 }, () => PostgresStore.open(url, 2)));
    await Promise.all(stores.map((store) => store.close()));
    const rows = await withClient(url, async (client) => (await client.query<{ version: number }>('SELECT version FROM passdesk_schema')).rows);
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('refuses a schema newer than this build knows, plainly, and changes nothing', async () => {
    const url = await server.createDatabase();
    await (await PostgresStore.open(url)).close();
    await withClient(url, (client) => client.query('UPDATE passdesk_schema SET version = $1', [SCHEMA_VERSION + 1]));
    await expect(openStore(url)).rejects.toThrow(
      `DATABASE_URL: the database schema is version ${SCHEMA_VERSION + 1}, newer than this passdesk build knows (${SCHEMA_VERSION})`);
    const rows = await withClient(url, async (client) => (await client.query<{ version: number }>('SELECT version FROM passdesk_schema')).rows);
    expect(rows).toEqual([{ version: SCHEMA_VERSION + 1 }]);
  });

  it('names a refused login without echoing the password', async () => {
    const url = await server.createDatabase();
    const wrong = url.replace(/:\/\/passdesk:[^@]+@/, '://passdesk:not-the-s3cret@');
    const failure = openStore(wrong);
    await expect(failure).rejects.toThrow(/^DATABASE_URL: PostgreSQL could not be opened: password authentication failed/);
    await expect(failure).rejects.not.toThrow(/not-the-s3cret/);
  });

  it('consumes atomically across replica processes that start and migrate together', async () => {
    const url = await server.createDatabase();
    const LIMIT = 40;
    const granted = await consumeFromProcesses(url, { replicas: 4, attempts: 30, limit: LIMIT });
    expect(granted.reduce((sum, n) => sum + n, 0)).toBe(LIMIT);
    const store = await PostgresStore.open(url);
    expect(await store.count('replicas', 60_000, new Date())).toBe(LIMIT);
    await store.close();
  }, 60_000);
});
