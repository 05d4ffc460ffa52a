/**
 * Run as its own process by sqlite-store.test.ts: opens the store at argv[2] (a replica starting
 * up), records one counter event and prints how many it sees.
 */
import { SqliteStore } from '../../src/store/sqlite-store';

async function run(): Promise<void> {
  const store = SqliteStore.open(process.argv[2]);
  const seen = await store.hit('replicas', 60_000, new Date());
  await store.close();
  process.stdout.write(String(seen));
}

run().catch((error: unknown) => {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
