/**
 * Run as its own process by the SQLite and PostgreSQL store tests: opens the store at DATABASE_URL
 * argv[2] (a replica starting up, migrating), waits until the time in argv[3] so that every replica starts at once, then tries to consume
 * argv[4] times from one shared limit of argv[5] and prints how many it was granted.
 */
import { openStore } from '../../src/store/open-store';

async function run(): Promise<void> {
  const [path, startAt, attempts, limit] = process.argv.slice(2);
  const store = await openStore(path);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  let granted = 0;
  for (let i = 0; i < Number(attempts); i += 1) {
    if (await store.consume(['replicas'], Number(limit), 60_000, new Date())) granted += 1;
  }
  await store.close();
  process.stdout.write(String(granted));
}

run().catch((error: unknown) => {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
