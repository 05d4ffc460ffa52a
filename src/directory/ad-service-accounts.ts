/**
 * Service (impersonal) accounts on Active Directory: user objects under the service base DN whose
 * owner attribute (`manager` by default: AD's schema does not allow `managedBy` on users) holds
 * the DN of one of a person's accounts. Filters are ldapts filter objects (values escaped).
 */
import { AndFilter, EqualityFilter, OrFilter, type Client, type Entry, type Filter } from 'ldapts';
import { PEOPLE_FILTER } from './ad-account';

export interface ServiceAccountSettings {
  /** `LDAP_SERVICE_BASE_DN`. */
  baseDn: string;
  /** `LDAP_OWNER_ATTR`: a DN-valued attribute naming who looks after the account. */
  ownerAttr: string;
}

export async function searchOwnedAdEntries(
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
  });
  return searchEntries;
}

/**
 * The entry `dn` when, as the server sees it now, it lies under the service base and one of
 * `ownerDns` owns it; undefined otherwise (whatever DN a replayed request carries).
 */
export async function findOwnedAdEntry(
  client: Client,
  settings: ServiceAccountSettings,
  dn: string,
  ownerDns: string[],
  attributes: string[],
): Promise<Entry | undefined> {
  if (ownerDns.length === 0) return undefined;
  const { searchEntries } = await client.search(settings.baseDn, {
    scope: 'sub',
    // AD compares DN-valued attributes as DNs (case and spacing do not matter).
    filter: new AndFilter({
      filters: [new EqualityFilter({ attribute: 'distinguishedName', value: dn }), ownedFilter(settings, ownerDns)],
    }),
    attributes,
  });
  return searchEntries[0];
}

function ownedFilter(settings: ServiceAccountSettings, ownerDns: string[]): Filter {
  const owners = ownerDns.map((ownerDn) => new EqualityFilter({ attribute: settings.ownerAttr, value: ownerDn }));
  return new AndFilter({ filters: [PEOPLE_FILTER, owners.length === 1 ? owners[0] : new OrFilter({ filters: owners })] });
}
