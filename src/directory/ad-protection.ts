/**
 * Which Active Directory accounts the help desk may not touch:
 * - the service account itself (LDAP_BIND_DN may be a DN, a UPN or DOMAIN\name);
 * - `adminCount=1`: AD's SDProp marks members of the built-in administrative groups so;
 * - members of a protected group, nested ones included: LDAP_MATCHING_RULE_IN_CHAIN on `memberOf`
 *   (1.2.840.113556.1.4.1941) lets the DC walk the nesting; a group that is someone's primary
 *   group does not list them in `member`, so `primaryGroupID` is compared with the group's
 *   `primaryGroupToken` as well.
 * A protected group that cannot be read is an error, never "not a member".
 */
import { EqualityFilter, ExtensibleFilter, type Filter, NoSuchObjectError, OrFilter, type Client } from 'ldapts';
import { firstValue } from './entry-values';
import { type AccountProtection, DirectoryError } from './directory';

const MATCHING_RULE_IN_CHAIN = '1.2.840.113556.1.4.1941';

export async function adProtection(
  client: Client,
  options: { dn: string; serviceAccount: string; protectedGroupDns: readonly string[] },
): Promise<AccountProtection | undefined> {
  const { dn, serviceAccount, protectedGroupDns } = options;
  const account = await readBase(client, dn, undefined, ['adminCount', 'primaryGroupID']);
  if (!account) throw new DirectoryError('not-found', 'check protection: no such account');
  if (await readBase(client, dn, sameAccount(serviceAccount), ['1.1'])) return { reason: 'service-account' };
  if (firstValue(account, 'adminCount') === '1') return { reason: 'admin-count' };

  const primaryGroupId = firstValue(account, 'primaryGroupID');
  for (const groupDn of protectedGroupDns) {
    const group = await readBase(client, groupDn, undefined, ['primaryGroupToken']);
    if (!group) throw new DirectoryError('not-found', `protected group "${groupDn}" cannot be read by the service account`);
    if (primaryGroupId !== undefined && firstValue(group, 'primaryGroupToken') === primaryGroupId) {
      return { reason: 'protected-group', groupDn };
    }
    const inChain = new ExtensibleFilter({ matchType: 'memberOf', rule: MATCHING_RULE_IN_CHAIN, value: groupDn });
    if (await readBase(client, dn, inChain, ['1.1'])) return { reason: 'protected-group', groupDn };
  }
  return undefined;
}

/** Matches the entry whose DN, UPN or sAMAccountName (from DOMAIN\name) is `bindName`. */
function sameAccount(bindName: string): Filter {
  const filters: Filter[] = [new EqualityFilter({ attribute: 'distinguishedName', value: bindName })];
  if (bindName.includes('@')) filters.push(new EqualityFilter({ attribute: 'userPrincipalName', value: bindName }));
  const backslash = bindName.indexOf('\\');
  if (backslash >= 0) filters.push(new EqualityFilter({ attribute: 'sAMAccountName', value: bindName.slice(backslash + 1) }));
  return filters.length === 1 ? filters[0] : new OrFilter({ filters });
}

/** The entry at `dn` when it matches `filter`; undefined when it does not or does not exist. */
async function readBase(client: Client, dn: string, filter: Filter | undefined, attributes: string[]) {
  try {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      filter: filter ?? '(objectClass=*)',
      attributes,
    });
    return searchEntries[0];
  } catch (error) {
    if (error instanceof NoSuchObjectError) return undefined;
    throw error;
  }
}
