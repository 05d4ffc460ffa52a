/**
 * The store's limit-consume latency, SQLite against PostgreSQL (two pools on one database, as two
 * replicas), in the same run. Each round, 20 concurrent consumes, each on the team's shared key
 * plus a key of its own (as a flow start counts per team and per user); rounds alternate ABBA
 * between the stores after warm-up rounds.
 */
import { join } from 'node:path';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import type { Store } from '../src/store/store';

export const CONCURRENT_CONSUMES = 20;
const STORES = ['SQLite', 'PostgreSQL'] as const;
export type StoreName = (typeof STORES)[number];

async function round(handles: Store[], serial: number): Promise<number[]> {
  return Promise.all(Array.from({ length: CONCURRENT_CONSUMES }, async (_, i) => {
    const started = performance.now();
    // A limit nobody reaches: every consume counts and records, none is refused.
    await handles[i % handles.length].consume(['team:T1', `user:U${serial}-${i}`], 1_000_000, 3_600_000, new Date());
    return performance.now() - started;
  }));
}

/** `dir` holds the SQLite file; `postgresUrl` is an empty database. Returns every latency (ms) per store after the warm-up rounds. */
export async function benchStoreConsume(
  options: { dir: string; postgresUrl: string; rounds: number; warmupRounds: number },
): Promise<Map<StoreName, number[]>> {
  const handles: Record<StoreName, Store[]> = {
    SQLite: [SqliteStore.open(join(options.dir, 'consume.sqlite'))],
    PostgreSQL: [await PostgresStore.open(options.postgresUrl), await PostgresStore.open(options.postgresUrl)],
  };
  const samples = new Map<StoreName, number[]>(STORES.map((name) => [name, []]));
  try {
    for (let serial = 1 - options.warmupRounds; serial <= options.rounds; serial += 1) {
      for (const name of Math.abs(serial) % 2 === 0 ? STORES : [...STORES].reverse()) {
        const latencies = await round(handles[name], serial);
        if (serial > 0) samples.get(name)?.push(...latencies); // rounds up to 0 warm up
      }
    }
  } finally {
    await Promise.all(Object.values(handles).flat().map((store) => store.close()));
  }
  return samples;
}
