/** `passwordExpiries` on the in-memory directory: the same answers as the LDAP adapters give. */
import type { Account, PasswordExpiryQuery } from '../directory';
import type { MemoryAccount, MemoryAccounts } from './memory-accounts';

export async function* memoryPasswordExpiries(
  accounts: MemoryAccounts,
  visible: (account: MemoryAccount) => boolean,
  query: PasswordExpiryQuery,
): AsyncGenerator<Account> {
  const chosen = 'dns' in query
    ? query.dns.map((dn) => accounts.get(dn)).filter((account): account is MemoryAccount => account !== undefined)
    : accounts.all();
  for (const entry of chosen) {
    if (!visible(entry)) continue;
    const account = accounts.toAccount(entry);
    if ('expiringBetween' in query) {
      const { from, to } = query.expiringBetween;
      const expiresAt = account.passwordExpiresAt;
      if (!expiresAt || account.disabled || account.mustChange || expiresAt < from || expiresAt > to) continue;
    }
    yield account;
  }
}
