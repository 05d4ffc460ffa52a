import { type Directory, DirectoryError } from '../directory/directory';

export interface LoginAnswer {
  accepted: boolean;
  detail: string;
}

/**
 * The "Try a login" panel: a sign-in as a university system would do it, a bind as the account
 * with this password, answered by the demo directory. A wrong password counts towards the lockout.
 */
export async function tryLogin(directory: Directory, username: string, password: string): Promise<LoginAnswer> {
  const wanted = username.trim().toLowerCase();
  const account = (await directory.findAccountsByUsername(wanted)).find((found) => found.username.toLowerCase() === wanted);
  if (!account) return { accepted: false, detail: 'no such username' };
  try {
    if (!(await directory.verifyPassword(account.dn, password))) return { accepted: false, detail: 'wrong password' };
    const mustChange = (await directory.getAccount(account.dn))?.mustChange === true;
    return { accepted: true, detail: mustChange ? 'signed in; the password must be changed now' : 'signed in' };
  } catch (error) {
    if (error instanceof DirectoryError && error.failure === 'account-locked') return { accepted: false, detail: 'the account is locked' };
    if (error instanceof DirectoryError && error.failure === 'account-disabled') return { accepted: false, detail: 'the account is disabled' };
    return { accepted: false, detail: 'the directory could not answer' };
  }
}
