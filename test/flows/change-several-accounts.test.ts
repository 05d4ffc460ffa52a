import { changeSeveralAccounts, type PasswordWriter } from '../../src/flows/shared/change-several-accounts';

/** A writer that records what it was asked and fails for the DNs given. */
function writer(failing: string[]): { write: PasswordWriter; written: string[] } {
  const written: string[] = [];
  return {
    written,
    write: async (dn) => {
      if (failing.includes(dn)) throw new Error(`refused ${dn}`);
      written.push(dn);
    },
  };
}

function run(dns: string[], options: { alreadyChanged?: string[]; failing?: string[] } = {}) {
  const { write, written } = writer(options.failing ?? []);
  const progress: string[][] = [];
  const results: string[] = [];
  const result = changeSeveralAccounts({
    dns,
    alreadyChanged: options.alreadyChanged ?? [],
    password: 'Quiet-Harbour-58;Lamp',
    write,
    onChanged: async (changed) => { progress.push(changed); },
    onResult: async (dn, error) => { results.push(`${dn} ${error ? 'failed' : 'ok'}`); },
  });
  return { result, written, progress, results };
}

describe('changing several accounts with a given writer', () => {
  it('writes each account in order, remembering progress after each', async () => {
    const { result, written, progress, results } = run(['staff', 'student']);
    expect(await result).toEqual({ kind: 'all-changed', changed: ['staff', 'student'] });
    expect(written).toEqual(['staff', 'student']);
    expect(progress).toEqual([['staff'], ['staff', 'student']]);
    expect(results).toEqual(['staff ok', 'student ok']);
  });

  it('stops at the first failure while nothing has changed, and tries no other account', async () => {
    const { result, written, results } = run(['staff', 'student'], { failing: ['staff'] });
    expect(await result).toMatchObject({ kind: 'none-changed', error: new Error('refused staff') });
    expect(written).toEqual([]);
    expect(results).toEqual(['staff failed']);
  });

  it('after one change, carries on and says which changed and which did not', async () => {
    const { result, written } = run(['staff', 'student', 'guest'], { failing: ['student'] });
    expect(await result).toEqual({ kind: 'partly-changed', changed: ['staff', 'guest'], failed: ['student'] });
    expect(written).toEqual(['staff', 'guest']);
  });

  it('skips accounts an earlier try already changed', async () => {
    const { result, written } = run(['staff', 'student'], { alreadyChanged: ['staff'] });
    expect(await result).toEqual({ kind: 'all-changed', changed: ['staff', 'student'] });
    expect(written).toEqual(['student']);
  });
});
