import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/log/logger';
import { longestWindowMs } from '../../src/regulation/limit-rule';
import { schedulePruning } from '../../src/store/prune-schedule';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { FakeClock } from '../harness/fake-clock';

const dir = mkdtempSync(join(tmpdir(), 'passdesk-prune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

it('drops expired flows and counter events past the longest limit window on its schedule, and stops when told', async () => {
  const store = SqliteStore.open(join(dir, 'prune.sqlite'));
  const clock = new FakeClock();
  const now = clock.now();
  await store.putFlow('expired', { x: 1 }, new Date(now.getTime() + 1000));
  await store.putFlow('live', { x: 2 }, new Date(now.getTime() + 30 * HOUR));
  await store.record(['old'], now);

  const stop = schedulePruning(store, clock, createLogger('silent'), { keepCountersMs: DAY, everyMs: 20 });
  clock.advance(26 * HOUR);
  await settle();
  stop();

  const later = clock.now();
  // Read as of the start, when neither had expired: only a prune can have removed one.
  expect(await store.getFlow('expired', now)).toBeUndefined();
  expect(await store.getFlow('live', now)).toBeDefined();
  expect(await store.count('old', 48 * HOUR, later)).toBe(0);
  await store.putFlow('after-stop', { x: 3 }, new Date(later.getTime() + 1));
  clock.advance(1000);
  await settle();
  expect(await store.getFlow('after-stop', new Date(later.getTime()))).toBeDefined();
  await store.close();
});

it('keeps the counter events a limit with a week-long window still counts', async () => {
  const store = SqliteStore.open(join(dir, 'prune-week.sqlite'));
  const clock = new FakeClock();
  await store.record(['weekly'], clock.now());
  const rules = [{ name: 'daily', limit: 5, windowMs: DAY }, { name: 'weekly', limit: 5, windowMs: 7 * DAY }];
  const stop = schedulePruning(store, clock, createLogger('silent'), { keepCountersMs: longestWindowMs(rules), everyMs: 20 });
  clock.advance(3 * DAY);
  await settle();
  stop();
  expect(await store.count('weekly', 7 * DAY, clock.now())).toBe(1);
  await store.close();
});
