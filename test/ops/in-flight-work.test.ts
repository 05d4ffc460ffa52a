import { InFlightWork } from '../../src/ops/shutdown/in-flight-work';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('work in flight', () => {
  it('drains at once when nothing runs', async () => {
    expect(await new InFlightWork().drain(60_000)).toEqual({ drained: true, remaining: 0 });
  });

  it('waits for every piece of work, however long the bound', async () => {
    const work = new InFlightWork();
    const first = deferred();
    const second = deferred();
    const results = [work.track(() => first.promise), work.track(() => second.promise)];
    expect(work.count).toBe(2);
    let drained: { drained: boolean; remaining: number } | undefined;
    const draining = work.drain(60_000).then((result) => {
      drained = result;
    });
    first.resolve();
    await results[0];
    expect(drained).toBeUndefined();
    second.resolve();
    await draining;
    expect(drained).toEqual({ drained: true, remaining: 0 });
  });

  it('gives up at the bound and says how much is still running', async () => {
    const work = new InFlightWork();
    const never = deferred();
    void work.track(() => never.promise);
    expect(await work.drain(10)).toEqual({ drained: false, remaining: 1 });
    never.resolve();
  });

  it('counts failed work as finished', async () => {
    const work = new InFlightWork();
    await expect(work.track(async () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(work.count).toBe(0);
  });
});
