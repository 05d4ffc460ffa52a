import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import { type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import { logDirectoryError } from '../shared/log-directory-error';
import type { ChangeFormError } from './change-screen';
import type { ChangeAccount, ChangeState } from './change-state';
import type { CheckResult, WrongCurrentGuard } from './wrong-current-guard';

export interface CurrentPasswordsDeps {
  directory: Directory;
  guard: WrongCurrentGuard;
  audit: AuditTrail;
  logger: Logger;
}

/**
 * Proves the current password of each chosen account by a bind, before anything is written.
 * Each check is reserved first (see WrongCurrentGuard): an account passdesk must stop asking
 * about (too many wrong tries, counted by passdesk and by the directory, checks under way
 * included) is not tried at all; every wrong password is counted.
 * Returns undefined when every current password is right, otherwise what to tell the person.
 */
export async function checkCurrentPasswords(
  deps: CurrentPasswordsDeps,
  state: ChangeState,
  chosen: { account: ChangeAccount; current: string }[],
  requestId: string,
): Promise<ChangeFormError | undefined> {
  const actor = slackActor(state);
  const audit = (action: string, account: ChangeAccount, detail?: Record<string, string | number>) =>
    deps.audit.record({ actor, action: `change-password.${action}`, subject: account.dn, result: 'refused', detail, requestId });

  if (await deps.guard.personStopped(actor)) {
    for (const { account } of chosen) await audit('stopped', account);
    return { kind: 'stopped', accounts: chosen.map(({ account }) => account.username) };
  }
  const left = new Map<string, number>();
  const stopped: ChangeAccount[] = [];
  const tooLow: ChangeAccount[] = [];
  try {
    for (const { account } of chosen) {
      const reservation = await deps.guard.reserve(account.dn);
      if (reservation.kind === 'reserved') left.set(account.dn, reservation.triesLeft);
      else (reservation.kind === 'stopped' ? stopped : tooLow).push(account);
    }
  } catch (error) {
    await settleUntried(deps, actor, left);
    throw error;
  }
  if (stopped.length > 0 || tooLow.length > 0) {
    await settleUntried(deps, actor, left);
    for (const account of tooLow) await audit('not-checked', account, { reason: 'lockout-threshold-too-low' });
    for (const account of stopped) await audit('stopped', account);
    // The lasting reason first: waiting an hour changes nothing for these accounts.
    if (tooLow.length > 0) return { kind: 'cannot-check-safely', accounts: tooLow.map((account) => account.username) };
    return { kind: 'stopped', accounts: stopped.map((account) => account.username) };
  }

  const wrong: ChangeAccount[] = [];
  const locked: string[] = [];
  const expired: string[] = [];
  let failed: ChangeFormError | undefined;
  for (const { account, current } of chosen) {
    if (failed) {
      await deps.guard.settle(actor, account.dn, 'not-tried');
      continue;
    }
    let result: CheckResult = 'not-tried';
    try {
      result = (await deps.directory.verifyPassword(account.dn, current)) ? 'right' : 'wrong';
    } catch (error) {
      const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
      if (failure === 'account-locked') locked.push(account.username);
      else if (failure === 'password-expired') expired.push(account.username);
      else if (failure === 'account-disabled') failed = { kind: 'accounts-changed' };
      else {
        logDirectoryError(deps.logger, error, requestId, 'current password check failed');
        failed = { kind: 'directory-unavailable' };
      }
    } finally {
      await deps.guard.settle(actor, account.dn, result);
    }
    if (result === 'wrong') {
      wrong.push(account);
      await audit('wrong-current-password', account, { triesLeft: (left.get(account.dn) ?? 1) - 1 });
    }
  }
  if (failed) return failed;
  if (wrong.length > 0) {
    const triesLeft = Math.min(...wrong.map((account) => (left.get(account.dn) ?? 1) - 1));
    if (triesLeft <= 0) return { kind: 'stopped', accounts: wrong.map((account) => account.username) };
    return { kind: 'wrong-current', accounts: wrong.map((account) => account.username), triesLeft };
  }
  if (locked.length > 0) return { kind: 'locked', accounts: locked };
  if (expired.length > 0) return { kind: 'expired', accounts: expired };
  return undefined;
}

/** Checks reserved but never tried (another account stopped the submission) are settled at once. */
async function settleUntried(deps: CurrentPasswordsDeps, actor: string, reserved: Map<string, number>): Promise<void> {
  for (const dn of reserved.keys()) await deps.guard.settle(actor, dn, 'not-tried');
}
