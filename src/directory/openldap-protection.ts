/**
 * Which OpenLDAP accounts the help desk may not touch: the service account's own entry, and
 * members of the protected groups (`member` or `uniqueMember`, through nested groups too). The
 * groups may lie anywhere in the directory, so nested groups are found by searching every naming
 * context for groups that list the account, then groups that list those, and so on; the final
 * "is it in this protected group" test is a filter evaluated by slapd, which compares DNs the
 * way the directory normalises them (case, spacing), not as strings.
 */
import { AndFilter, EqualityFilter, type Filter, NoSuchObjectError, OrFilter, type Client } from 'ldapts';
import { type AccountProtection, DirectoryError } from './directory';
import { entryValues } from './entry-values';

/** Deeper nesting than this is a loop or a mistake; the walk stops there. */
const MAX_NESTING = 10;

export async function openLdapProtection(
  client: Client,
  options: { dn: string; serviceDn: string; baseDn: string; protectedGroupDns: readonly string[] },
): Promise<AccountProtection | undefined> {
  const { dn, serviceDn, baseDn, protectedGroupDns } = options;
  if (await isServiceAccount(client, baseDn, dn, serviceDn)) return { reason: 'service-account' };
  if (protectedGroupDns.length === 0) return undefined;

  const members = [dn, ...(await enclosingGroups(client, dn))];
  for (const groupDn of protectedGroupDns) {
    if (await groupListsAny(client, groupDn, members)) return { reason: 'protected-group', groupDn };
  }
  return undefined;
}

/** True when `dn` and `serviceDn` name the same entry under `baseDn`, as the server compares names. */
async function isServiceAccount(client: Client, baseDn: string, dn: string, serviceDn: string): Promise<boolean> {
  const { searchEntries } = await client.search(baseDn, {
    scope: 'sub',
    filter: new AndFilter({
      filters: [
        new EqualityFilter({ attribute: 'entryDN', value: dn }),
        new EqualityFilter({ attribute: 'entryDN', value: serviceDn }),
      ],
    }),
    attributes: ['1.1'],
    sizeLimit: 1,
  });
  return searchEntries.length > 0;
}

/** Every group that lists `dn` as a member, directly or through other groups. */
async function enclosingGroups(client: Client, dn: string): Promise<string[]> {
  const bases = await namingContexts(client);
  const seen = new Set<string>([dn.toLowerCase()]);
  const groups: string[] = [];
  let frontier = [dn];
  for (let depth = 0; depth < MAX_NESTING && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const base of bases) {
      const { searchEntries } = await client
        .search(base, { scope: 'sub', filter: listing(frontier), attributes: ['1.1'] })
        .catch((error: unknown) => {
          if (!(error instanceof NoSuchObjectError)) throw error;
          throw new DirectoryError('insufficient-rights', `the service account may not search under "${base}" for nested groups`);
        });
      for (const entry of searchEntries) {
        const key = entry.dn.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        groups.push(entry.dn);
        next.push(entry.dn);
      }
    }
    frontier = next;
  }
  return groups;
}

/** True when `groupDn` lists any of `members`; a group that cannot be read makes the check fail. */
async function groupListsAny(client: Client, groupDn: string, members: string[]): Promise<boolean> {
  try {
    const { searchEntries } = await client.search(groupDn, { scope: 'base', filter: listing(members), attributes: ['1.1'] });
    if (searchEntries.length > 0) return true;
    // Not listed, or not readable? A group we cannot read must not pass for one without members.
    const { searchEntries: group } = await client.search(groupDn, { scope: 'base', attributes: ['1.1'] });
    if (group.length === 0) throw unreadable(groupDn);
    return false;
  } catch (error) {
    if (error instanceof NoSuchObjectError) throw unreadable(groupDn);
    throw error;
  }
}

function unreadable(groupDn: string): DirectoryError {
  return new DirectoryError('not-found', `protected group "${groupDn}" cannot be read by the service account`);
}

/** (|(member=a)(uniqueMember=a)(member=b)...) */
function listing(dns: string[]): Filter {
  return new OrFilter({
    filters: dns.flatMap((value) => [
      new EqualityFilter({ attribute: 'member', value }),
      new EqualityFilter({ attribute: 'uniqueMember', value }),
    ]),
  });
}

/** The directory's suffixes, from the root DSE. */
async function namingContexts(client: Client): Promise<string[]> {
  const { searchEntries } = await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['namingContexts'] });
  const contexts = searchEntries[0] ? entryValues(searchEntries[0], 'namingContexts') : [];
  if (contexts.length === 0) {
    throw new DirectoryError('other', 'the root DSE lists no namingContexts the service account can read; nested groups cannot be searched');
  }
  return contexts;
}
