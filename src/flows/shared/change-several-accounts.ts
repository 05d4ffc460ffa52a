/** Sets a password on one account: `directory.resetPassword`, `directory.setTemporaryPassword`, ... */
export type PasswordWriter = (dn: string, password: string) => Promise<void>;

export interface SeveralAccountsChange {
  /** Every account of the person, in the order to change them. */
  dns: string[];
  /** Changed by an earlier try of the same flow: skipped. */
  alreadyChanged: string[];
  password: string;
  write: PasswordWriter;
  /** After each success, before the next write: remember the progress (save the flow). */
  onChanged(changedSoFar: string[]): Promise<void>;
  /** After each write, success (no error) or failure: audit and log it. */
  onResult(dn: string, error?: unknown): Promise<void>;
}

export type SeveralAccountsResult =
  | { kind: 'all-changed'; changed: string[] }
  /** The first write failed while nothing was changed yet: the other accounts were not tried. */
  | { kind: 'none-changed'; error: unknown }
  /** Some changed, some failed: the person is told which, and a retry finishes the rest. */
  | { kind: 'partly-changed'; changed: string[]; failed: string[] };

/**
 * Changes one person's accounts (staff and student) with the same password, one by one, with
 * the writer the journey chooses. Every check must have passed before this is called.
 */
export async function changeSeveralAccounts(change: SeveralAccountsChange): Promise<SeveralAccountsResult> {
  const changed = [...change.alreadyChanged];
  const failed: string[] = [];
  for (const dn of change.dns) {
    if (changed.includes(dn)) continue;
    try {
      await change.write(dn, change.password);
      changed.push(dn);
      await change.onChanged([...changed]);
      await change.onResult(dn);
    } catch (error) {
      await change.onResult(dn, error);
      if (changed.length === 0) return { kind: 'none-changed', error };
      failed.push(dn);
    }
  }
  return failed.length > 0 ? { kind: 'partly-changed', changed, failed } : { kind: 'all-changed', changed };
}
