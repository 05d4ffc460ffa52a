import { Readiness, type ReadinessProbe } from '../../src/ops/health/readiness';
import type { Clock } from '../../src/clock/clock';

/** A probe the test switches between healthy and failing, counting how often it is asked. */
function switchableProbe(name: string): ReadinessProbe & { failWith?: string; calls: number } {
  const probe = {
    name,
    failWith: undefined as string | undefined,
    calls: 0,
    async check() {
      probe.calls += 1;
      if (probe.failWith) throw new Error(probe.failWith);
    },
  };
  return probe;
}

/**
 * A clock that moves only when the test moves it. FakeClock follows real time plus an offset,
 * which lets a loaded machine step past the cache's last millisecond on its own.
 */
class StoppedClock implements Clock {
  private ms = Date.parse('2026-01-01T09:00:00Z');

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

describe('readiness', () => {
  it('is ready when every probe answers, and says which one does not', async () => {
    const store = switchableProbe('store');
    const directory = switchableProbe('directory');
    const clock = new StoppedClock();
    const readiness = new Readiness([store, directory], clock, 10_000);
    expect(await readiness.report()).toEqual({ ready: true, checks: { store: 'ok', directory: 'ok' } });
    directory.failWith = 'cannot reach LDAP_URL (ECONNREFUSED)';
    clock.advance(10_000);
    expect(await readiness.report()).toEqual({
      ready: false,
      checks: { store: 'ok', directory: 'cannot reach LDAP_URL (ECONNREFUSED)' },
    });
  });

  it('reuses an answer for the cache time by the clock, then asks again', async () => {
    const directory = switchableProbe('directory');
    const clock = new StoppedClock();
    const readiness = new Readiness([directory], clock, 10_000);
    expect((await readiness.report()).ready).toBe(true);
    directory.failWith = 'gone';
    clock.advance(9_999);
    expect((await readiness.report()).ready).toBe(true);
    expect(directory.calls).toBe(1);
    clock.advance(1);
    expect((await readiness.report()).ready).toBe(false);
    expect(directory.calls).toBe(2);
  });

  it('asks the probes once for concurrent requests', async () => {
    const directory = switchableProbe('directory');
    const readiness = new Readiness([directory], new StoppedClock(), 10_000);
    await Promise.all([readiness.report(), readiness.report(), readiness.report()]);
    expect(directory.calls).toBe(1);
  });

  it('counts a probe that does not answer within its bound as failed', async () => {
    const hanging: ReadinessProbe = { name: 'directory', check: () => new Promise(() => {}) };
    const readiness = new Readiness([hanging], new StoppedClock(), 10_000, 20);
    expect(await readiness.report()).toEqual({ ready: false, checks: { directory: 'no answer within 0.02 s' } });
  });

  it('is never ready once stopping', async () => {
    const readiness = new Readiness([switchableProbe('store')], new StoppedClock(), 10_000);
    expect((await readiness.report()).ready).toBe(true);
    readiness.markStopping();
    expect(await readiness.report()).toEqual({ ready: false, checks: { passdesk: 'stopping' } });
  });
});
