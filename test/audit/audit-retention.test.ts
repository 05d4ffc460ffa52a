import { scheduleAuditRetention } from '../../src/audit/audit-retention';
import { createLogger } from '../../src/log/logger';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { FakeClock } from '../harness/fake-clock';

const DAY = 86_400_000;

it('drops audit events older than AUDIT_RETENTION_DAYS at once and on its schedule, and stops when told', async () => {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const now = clock.now().getTime();
  await store.appendAudit({ at: new Date(now - 31 * DAY), actor: 'system', action: 'x.older', result: 'ok' });
  await store.appendAudit({ at: new Date(now - 29 * DAY), actor: 'system', action: 'x.recent', result: 'ok' });

  const stop = scheduleAuditRetention(store, 30, clock, createLogger('silent'), 20);
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect((await store.listAudit()).map((e) => e.action)).toEqual(['x.recent']);

  clock.advance(2 * DAY);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(await store.listAudit()).toEqual([]);

  stop();
  await store.appendAudit({ at: new Date(now - 40 * DAY), actor: 'system', action: 'x.after-stop', result: 'ok' });
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect((await store.listAudit()).map((e) => e.action)).toEqual(['x.after-stop']);
});
