/**
 * The store's limit-consume latency, SQLite against PostgreSQL (two pools on one database, as two
 * replicas), in the same run: `npx tsx bench/store-consume.ts`. Each round, 20 concurrent
 * consumes on a shared key and on per-user keys; rounds alternate ABBA between the stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import type { Store } from '../src/store/store';
import { startPostgres } from '../test/harness/postgres';
import { summarise } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const CONCURRENT = 20;

async function round(handles: Store[], samples: number[], serial: number): Promise<void> {
  await Promise.all(Array.from({ length: CONCURRENT }, async (_, i) => {
    const started = performance.now();
    await handles[i % handles.length].consume(['team:T1', `user:U${serial}-${i}`], 1_000_000, 3_600_000, new Date());
    samples.push(performance.now() - started);
  }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passdesk-bench-store-'));
  const postgres = await startPostgres();
  const url = await postgres.createDatabase();
  const sqlite = [SqliteStore.open(join(dir, 'a.sqlite'))];
  const pg = [await PostgresStore.open(url), await PostgresStore.open(url)];
  const results: Record<'sqlite' | 'postgres', number[]> = { sqlite: [], postgres: [] };
  try {
    for (let i = 0; i < 3; i += 1) { await round(sqlite, [], -i); await round(pg, [], -i); }
    for (let i = 0; i < ROUNDS; i += 1) {
      const order: ('sqlite' | 'postgres')[] = i % 2 === 0 ? ['sqlite', 'postgres'] : ['postgres', 'sqlite'];
      for (const name of order) await round(name === 'sqlite' ? sqlite : pg, results[name], i);
    }
  } finally {
    await Promise.all([...sqlite, ...pg].map((store) => store.close()));
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const s = summarise(results.sqlite);
  const p = summarise(results.postgres);
  process.stdout.write(`limit consume, ${CONCURRENT} concurrent, ${ROUNDS} rounds\n` +
    `  SQLite (one file):            p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms\n` +
    `  PostgreSQL (two pools, 1 db): p50 ${p.p50.toFixed(2)} ms  p99 ${p.p99.toFixed(2)} ms\n` +
    `  ratio PostgreSQL/SQLite:      p50 ${(p.p50 / s.p50).toFixed(2)}x  p99 ${(p.p99 / s.p99).toFixed(2)}x\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
