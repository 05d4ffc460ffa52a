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

interface Faults {
  alreadyChanged?: string[];
  failing?: string[];
  /** `beforeWrite` answers false (the flow was taken) for this DN. */
  takenBefore?: string;
  /** `onChanged` throws after this DN was written. */
  bookkeepingThrowsAfter?: string;
  /** `onResult` (the audit) throws. */
  auditThrows?: boolean;
}

function run(dns: string[], options: Faults = {}) {
  const { write, written } = writer(options.failing ?? []);
  const writing: string[] = [];
  const progress: string[][] = [];
  const results: string[] = [];
  const result = changeSeveralAccounts({
    dns,
    alreadyChanged: options.alreadyChanged ?? [],
    password: 'Quiet-Harbour-58;Lamp',
    write,
    beforeWrite: async (dn) => {
      writing.push(dn);
      return dn !== options.takenBefore;
    },
    onChanged: async (changed) => {
      progress.push(changed);
      if (changed.at(-1) === options.bookkeepingThrowsAfter) throw new Error('store down');
      return true;
    },
    onResult: async (dn, error) => {
      results.push(`${dn} ${error ? 'failed' : 'ok'}`);
      if (options.auditThrows) throw new Error('audit store down');
    },
  });
  return { result, written, writing, progress, results };
}

describe('changing several accounts with a given writer', () => {
  it('writes each account in order, saying which before and remembering progress after each', async () => {
    const { result, written, writing, progress, results } = run(['staff', 'student']);
    expect(await result).toEqual({ kind: 'all-changed', changed: ['staff', 'student'] });
    expect(written).toEqual(['staff', 'student']);
    expect(writing).toEqual(['staff', 'student']);
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

  it('counts an account written as changed even when the audit after it fails', async () => {
    const { result, written } = run(['staff', 'student'], { auditThrows: true });
    expect(await result).toEqual({ kind: 'all-changed', changed: ['staff', 'student'] });
    expect(written).toEqual(['staff', 'student']);
  });

  it('stops writing when the progress cannot be kept, and still reports the account written as changed', async () => {
    const { result, written, results } = run(['staff', 'student'], { bookkeepingThrowsAfter: 'staff' });
    expect(await result).toEqual({ kind: 'stopped', changed: ['staff'], notChanged: ['student'] });
    expect(written).toEqual(['staff']);
    expect(results).toEqual(['staff ok']);
  });

  it('writes nothing more once the flow was taken by another submission', async () => {
    const { result, written } = run(['staff', 'student', 'guest'], { takenBefore: 'student' });
    expect(await result).toEqual({ kind: 'stopped', changed: ['staff'], notChanged: ['student', 'guest'] });
    expect(written).toEqual(['staff']);
  });
});
