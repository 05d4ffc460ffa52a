/**
 * The look-up both LDAP adapters share: the entries a filter matches, then every entry that shares
 * their link value (one person's staff and student accounts), once each, the direct matches first.
 *
 * A look-up is bounded: a person has a handful of accounts, so more matches than `maxAccounts`
 * means a misconfigured mail or link attribute (or a crafted value). It is refused as a whole
 * ('too-many-matches') rather than truncated, since a partial list would change some of a person's
 * accounts and not the others. Each search asks the server for one entry more than the bound (not
 * every server honours a client size limit, e.g. Samba, so the count is checked here as well).
 */
import type { Entry, Filter } from 'ldapts';
import { EqualityFilter, OrFilter } from 'ldapts';
import { DirectoryError } from './directory';
import { firstValue } from './entry-values';

/** The default bound on the accounts one look-up may match. */
export const DEFAULT_MAX_ACCOUNTS = 50;

/** Searches the people under the base DN (the adapter adds its "is a login account" condition). */
export type PeopleSearch = (filter: Filter, sizeLimit: number) => Promise<Entry[]>;

export interface LinkedLookup {
  search: PeopleSearch;
  /** The attribute joining one person's accounts; undefined: no linking. */
  linkAttr?: string;
  maxAccounts: number;
}

export interface LinkedEntries {
  /** The direct matches first, then the linked ones, once each. */
  entries: Entry[];
  /** DNs of the entries the filter itself matched (the rest came only through the link). */
  directDns: string[];
}

export async function findWithLinked(lookup: LinkedLookup, direct: Filter): Promise<LinkedEntries> {
  const { search, linkAttr, maxAccounts } = lookup;
  const matched = bounded(await search(direct, maxAccounts + 1), maxAccounts);
  const directDns = matched.map((entry) => entry.dn);
  const linkValues = linkAttr ? unique(matched.map((entry) => firstValue(entry, linkAttr))) : [];
  if (!linkAttr || linkValues.length === 0) return { entries: uniqueByDn(matched), directDns };
  const linkFilters = linkValues.map((value) => new EqualityFilter({ attribute: linkAttr, value }));
  const linked = bounded(
    await search(linkFilters.length === 1 ? linkFilters[0]! : new OrFilter({ filters: linkFilters }), maxAccounts + 1),
    maxAccounts,
  );
  return { entries: bounded(uniqueByDn([...matched, ...linked]), maxAccounts), directDns };
}

function bounded(entries: Entry[], maxAccounts: number): Entry[] {
  if (entries.length > maxAccounts) {
    throw new DirectoryError('too-many-matches',
      `look up accounts: more than ${maxAccounts} entries match; refused (check LDAP_MAIL_ATTR and LDAP_LINK_ATTR)`);
  }
  return entries;
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/** Once each; DNs compare without case, as LDAP servers do for the names they return. */
function uniqueByDn(entries: Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = entry.dn.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
