/** Sets a password on one account: `directory.resetPassword`, `directory.setTemporaryPassword`, ... */
export type PasswordWriter = (dn: string, password: string) => Promise<void>;

export interface SeveralAccountsChange {
  /** Every account of the person, in the order to change them. */
  dns: string[];
  /** Changed by an earlier try of the same flow: skipped. */
  alreadyChanged: string[];
  password: string;
  write: PasswordWriter;
  /**
   * Before each write: remember which account is about to be written (save the flow), so that a
   * crash during the write can be told apart later. False: the flow is no longer this change's
   * (another submission took it), so nothing more is written.
   */
  beforeWrite(dn: string, changedSoFar: string[]): Promise<boolean>;
  /** After each success, before the audit and the next write: remember the progress. False: as above. */
  onChanged(changedSoFar: string[]): Promise<boolean>;
  /** After each write and its bookkeeping, success (no error) or failure: audit and log it. */
  onResult(dn: string, error?: unknown): Promise<void>;
}

export type SeveralAccountsResult =
  | { kind: 'all-changed'; changed: string[] }
  /** The first write failed while nothing was changed yet: the other accounts were not tried. */
  | { kind: 'none-changed'; error: unknown }
  /** Some changed, some failed: the person is told which, and a retry finishes the rest. */
  | { kind: 'partly-changed'; changed: string[]; failed: string[] }
  /**
   * The flow stopped being this change's (a hook said so, or threw): nothing more was written.
   * `changed` may be empty; `notChanged` holds the accounts failed or not tried.
   */
  | { kind: 'stopped'; changed: string[]; notChanged: string[] };

/**
 * Changes one person's accounts (staff and student) with the same password, one by one, with
 * the writer the journey chooses. Every check must have passed before this is called.
 *
 * Only a failed `write` counts as an account not changed: once a write succeeded, whatever
 * happens to the bookkeeping after it (a hook that throws), that account is reported changed.
 */
export async function changeSeveralAccounts(change: SeveralAccountsChange): Promise<SeveralAccountsResult> {
  const changed = [...change.alreadyChanged];
  const failed: string[] = [];
  const stopped = (): SeveralAccountsResult => ({
    kind: 'stopped',
    changed,
    notChanged: change.dns.filter((dn) => !changed.includes(dn)),
  });
  for (const dn of change.dns) {
    if (changed.includes(dn)) continue;
    if (!(await keepsGoing(() => change.beforeWrite(dn, [...changed])))) return stopped();
    try {
      await change.write(dn, change.password);
    } catch (error) {
      await change.onResult(dn, error).catch(() => undefined);
      if (changed.length === 0) return { kind: 'none-changed', error };
      failed.push(dn);
      continue;
    }
    changed.push(dn);
    const kept = await keepsGoing(() => change.onChanged([...changed]));
    await change.onResult(dn).catch(() => undefined);
    if (!kept) return stopped();
  }
  return failed.length > 0 ? { kind: 'partly-changed', changed, failed } : { kind: 'all-changed', changed };
}

/** A hook's answer; a hook that throws has lost track of the flow, which stops the change too. */
async function keepsGoing(hook: () => Promise<boolean>): Promise<boolean> {
  try {
    return await hook();
  } catch {
    return false;
  }
}
