/**
 * Service (impersonal) accounts on OpenLDAP: entries with a `uid` under the service base DN whose
 * owner attribute (`owner` by default) holds the DN of one of a person's accounts. Filters are
 * ldapts filter objects, so a DN is matched as a value, never read as filter syntax.
 */
import { AndFilter, EqualityFilter, OrFilter, PresenceFilter, type Client, type Entry, type Filter } from 'ldapts';

export interface ServiceAccountSettings {
  /** `LDAP_SERVICE_BASE_DN`. */
  baseDn: string;
  /** `LDAP_OWNER_ATTR`: a DN-valued attribute naming who looks after the account. */
  ownerAttr: string;
}

/** A person owns few service accounts; more than this means a misconfigured owner attribute. */
const MAX_SERVICE_ACCOUNTS = 50;

export async function searchOwnedEntries(
  client: Client,
  settings: ServiceAccountSettings,
  ownerDns: string[],
  attributes: string[],
): Promise<Entry[]> {
  if (ownerDns.length === 0) return [];
  const { searchEntries } = await client.search(settings.baseDn, {
    scope: 'sub',
    filter: ownedFilter(settings, ownerDns),
    attributes,
    sizeLimit: MAX_SERVICE_ACCOUNTS,
  });
  return searchEntries;
}

/**
 * The entry `dn` when, as the server sees it now, it lies under the service base and one of
 * `ownerDns` owns it; undefined otherwise (whatever DN a replayed request carries).
 */
export async function findOwnedEntry(
  client: Client,
  settings: ServiceAccountSettings,
  dn: string,
  ownerDns: string[],
  attributes: string[],
): Promise<Entry | undefined> {
  if (ownerDns.length === 0) return undefined;
  const { searchEntries } = await client.search(settings.baseDn, {
    scope: 'sub',
    // entryDN matching normalises the DN (case, spaces), as the server compares DNs.
    filter: new AndFilter({ filters: [new EqualityFilter({ attribute: 'entryDN', value: dn }), ownedFilter(settings, ownerDns)] }),
    attributes,
    sizeLimit: 1,
  });
  return searchEntries[0];
}

function ownedFilter(settings: ServiceAccountSettings, ownerDns: string[]): Filter {
  const owners = ownerDns.map((ownerDn) => new EqualityFilter({ attribute: settings.ownerAttr, value: ownerDn }));
  return new AndFilter({
    filters: [owners.length === 1 ? owners[0] : new OrFilter({ filters: owners }), new PresenceFilter({ attribute: 'uid' })],
  });
}
