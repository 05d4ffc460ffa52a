import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import { type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import { logDirectoryError } from '../shared/log-directory-error';
import type { ChangeFormError } from './change-screen';
import type { ChangeAccount, ChangeState } from './change-state';
import type { WrongCurrentGuard } from './wrong-current-guard';

export interface CurrentPasswordsDeps {
  directory: Directory;
  guard: WrongCurrentGuard;
  audit: AuditTrail;
  logger: Logger;
}

/**
 * Proves the current password of each chosen account by a bind, before anything is written.
 * An account passdesk must stop asking about (too many wrong tries, counted by passdesk and by
 * the directory) is not tried at all; every wrong password is counted.
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

  const left = new Map<string, number>();
  const stopped: string[] = [];
  for (const { account } of chosen) {
    const tries = await deps.guard.triesLeft(account.dn);
    left.set(account.dn, tries);
    if (tries === 0) stopped.push(account.username);
  }
  if ((await deps.guard.personStopped(actor)) || stopped.length > 0) {
    const names = stopped.length > 0 ? stopped : chosen.map(({ account }) => account.username);
    for (const { account } of chosen.filter(({ account: a }) => names.includes(a.username))) await audit('stopped', account);
    return { kind: 'stopped', accounts: names };
  }

  const wrong: ChangeAccount[] = [];
  const locked: string[] = [];
  const expired: string[] = [];
  for (const { account, current } of chosen) {
    try {
      if (await deps.directory.verifyPassword(account.dn, current)) continue;
      wrong.push(account);
      await deps.guard.recordWrong(actor, account.dn);
      await audit('wrong-current-password', account, { triesLeft: (left.get(account.dn) ?? 1) - 1 });
    } catch (error) {
      const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
      if (failure === 'account-locked') locked.push(account.username);
      else if (failure === 'password-expired') expired.push(account.username);
      else if (failure === 'account-disabled') return { kind: 'accounts-changed' };
      else {
        logDirectoryError(deps.logger, error, requestId, 'current password check failed');
        return { kind: 'directory-unavailable' };
      }
    }
  }
  if (wrong.length > 0) {
    const triesLeft = Math.min(...wrong.map((account) => (left.get(account.dn) ?? 1) - 1));
    if (triesLeft <= 0) return { kind: 'stopped', accounts: wrong.map((account) => account.username) };
    return { kind: 'wrong-current', accounts: wrong.map((account) => account.username), triesLeft };
  }
  if (locked.length > 0) return { kind: 'locked', accounts: locked };
  if (expired.length > 0) return { kind: 'expired', accounts: expired };
  return undefined;
}
