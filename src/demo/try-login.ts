import type { MemoryAccounts } from '../directory/memory/memory-accounts';

export interface LoginAnswer {
  accepted: boolean;
  detail: string;
}

/**
 * The "Try a login" panel: a sign-in as a university system would do it, a bind to the demo
 * directory's server as the account (a person's or a service account) with this password. A wrong
 * password counts towards the lockout. A right password that must be changed (after a temporary
 * one) signs in to change it; one that has expired is refused, as Active Directory and OpenLDAP's
 * ppolicy refuse it, saying why.
 */
export function tryLogin(server: MemoryAccounts, username: string, password: string, now = new Date()): LoginAnswer {
  const wanted = username.trim().toLowerCase();
  const account = server.all().find((candidate) => candidate.username !== '' && candidate.username.toLowerCase() === wanted);
  if (!account) return { accepted: false, detail: 'no such username' };
  // As on LDAP, where an empty password would be an unauthenticated bind.
  if (password === '') return { accepted: false, detail: 'wrong password' };
  switch (server.bind(account, password)) {
    case 'wrong-password': return { accepted: false, detail: 'wrong password' };
    case 'locked': return { accepted: false, detail: 'the account is locked' };
    case 'disabled': return { accepted: false, detail: 'the account is disabled' };
    case 'ok': break;
  }
  const state = server.toAccount(account);
  if (state.mustChange) return { accepted: true, detail: 'signed in; this password must be changed now (Change my password in /password)' };
  if (state.passwordExpiresAt && state.passwordExpiresAt <= now) {
    return { accepted: false, detail: 'the password is right but has expired; change it first' };
  }
  return { accepted: true, detail: 'signed in' };
}
