import { RatePacer } from '../../src/slack/expiry-reminders/rate-pacer';

/** Time that moves only when the pacer sleeps; every sleep is recorded. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    time: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
    advance: (ms: number) => { now += ms; },
    get now() { return now; },
  };
}

describe('rate pacer', () => {
  it('lets a burst up to the limit through at once, then spaces calls so no window holds more than the limit', async () => {
    const clock = fakeTime();
    const pacer = new RatePacer({ max: 3, perMs: 60_000 }, clock.time);
    const at: number[] = [];
    for (let call = 0; call < 7; call += 1) {
      await pacer.acquire();
      at.push(clock.now);
    }
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    expect(at.slice(3)).toEqual([60_000, 60_000, 60_000, 120_000]);
    for (const start of at) expect(at.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(3);
  });

  it('waits out a Retry-After before the next call', async () => {
    const clock = fakeTime();
    const pacer = new RatePacer({ max: 100, perMs: 60_000 }, clock.time);
    await pacer.acquire();
    pacer.pause(30_000);
    clock.advance(10_000);
    await pacer.acquire();
    expect(clock.sleeps).toEqual([20_000]);
    expect(clock.now).toBe(30_000);
  });
});
