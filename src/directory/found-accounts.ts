import type { Account, FoundAccount } from './directory';

/** Marks each account as found directly (its DN is among `directDns`) or only through the link. */
export function markHowFound(accounts: Account[], directDns: string[]): FoundAccount[] {
  const direct = new Set(directDns.map((dn) => dn.toLowerCase()));
  return accounts.map((account) => ({ ...account, foundBy: direct.has(account.dn.toLowerCase()) ? 'direct' : 'link' }));
}
