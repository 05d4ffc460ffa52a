/**
 * The help desk's protected accounts in memory, as the LDAP adapters decide them: the service
 * account's own entry, administrative accounts (AD `adminCount=1`), and members of a protected
 * group directly or through nested groups. A protected group that does not exist is an error,
 * never "not protected".
 */
import { type AccountProtection, DirectoryError } from '../directory';
import type { MemoryAccounts } from './memory-accounts';
import { dnKey } from './memory-dn';

export function memoryProtection(
  accounts: MemoryAccounts,
  options: { dn: string; serviceAccountDn?: string; protectedGroupDns: readonly string[] },
): AccountProtection | undefined {
  const account = accounts.get(options.dn);
  if (!account) throw new DirectoryError('not-found', 'check protection: no such account');
  if (options.serviceAccountDn !== undefined && dnKey(options.serviceAccountDn) === dnKey(account.dn)) {
    return { reason: 'service-account' };
  }
  if (account.administrative) return { reason: 'admin-count' };
  for (const groupDn of options.protectedGroupDns) {
    if (!accounts.group(groupDn)) throw new DirectoryError('not-found', `protected group "${groupDn}" does not exist`);
    if (isMember(accounts, groupDn, dnKey(account.dn))) return { reason: 'protected-group', groupDn };
  }
  return undefined;
}

/** Walks the group and the groups inside it, each once (membership loops end). */
function isMember(accounts: MemoryAccounts, groupDn: string, memberKey: string | undefined): boolean {
  const seen = new Set<string>();
  const queue = [groupDn];
  while (queue.length > 0) {
    const group = accounts.group(queue.shift()!);
    const key = group ? dnKey(group.dn) : undefined;
    if (!group || key === undefined || seen.has(key)) continue;
    seen.add(key);
    for (const member of group.members) {
      if (dnKey(member) === memberKey) return true;
      if (accounts.group(member)) queue.push(member);
    }
  }
  return false;
}
