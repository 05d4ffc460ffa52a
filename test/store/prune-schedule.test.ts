import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/log/logger';
import { schedulePruning } from '../../src/store/prune-schedule';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { FakeClock } from '../harness/fake-clock';

const dir = mkdtempSync(join(tmpdir(), 'passdesk-prune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('drops expired flows and day-old counter events on its schedule, and stops when told', async () => {
  const store = SqliteStore.open(join(dir, 'prune.sqlite'));
  const clock = new FakeClock();
  const now = clock.now();
  await store.putFlow('expired', { x: 1 }, new Date(now.getTime() + 1000));
  await store.putFlow('live', { x: 2 }, new Date(now.getTime() + 30 * 3_600_000));
  await store.record(['old'], now);

  const stop = schedulePruning(store, clock, createLogger('silent'), 20);
  clock.advance(26 * 3_600_000);
  await new Promise((resolve) => setTimeout(resolve, 60));
  stop();

  const later = clock.now();
  // Read as of the start, when neither had expired: only a prune can have removed one.
  expect(await store.getFlow('expired', now)).toBeUndefined();
  expect(await store.getFlow('live', now)).toBeDefined();
  expect(await store.count('old', 48 * 3_600_000, later)).toBe(0);
  await store.putFlow('after-stop', { x: 3 }, new Date(later.getTime() + 1));
  clock.advance(1000);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(await store.getFlow('after-stop', new Date(later.getTime()))).toBeDefined();
  await store.close();
});
