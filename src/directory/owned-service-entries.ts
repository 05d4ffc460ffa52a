/**
 * Service (impersonal) accounts: entries under the service base DN whose owner attribute holds the
 * DN of one of a person's accounts. Filters are ldapts filter objects, so a DN is matched as a
 * value, never read as filter syntax. What differs by flavour is its `ServiceAccountSchema`.
 */
import { AndFilter, EqualityFilter, OrFilter, type Client, type Entry, type Filter } from 'ldapts';

export interface ServiceAccountSettings {
  /** `LDAP_SERVICE_BASE_DN`. */
  baseDn: string;
  /** `LDAP_OWNER_ATTR`: a DN-valued attribute naming who looks after the account. */
  ownerAttr: string;
}

/** How one directory flavour finds its service accounts. */
export interface ServiceAccountSchema {
  /** The attribute that matches an entry's DN as the server compares DNs (case, spaces). */
  dnAttribute: string;
  /** What makes an entry an account. */
  accountFilter: Filter;
  /** Most entries a search of owned accounts, and a look-up of one, may return; unset: no limit asked. */
  sizeLimit?: { search: number; find: number };
}

export async function searchOwnedEntries(
  client: Client,
  schema: ServiceAccountSchema,
  settings: ServiceAccountSettings,
  ownerDns: string[],
  attributes: string[],
): Promise<Entry[]> {
  if (ownerDns.length === 0) return [];
  const { searchEntries } = await client.search(settings.baseDn, {
    scope: 'sub',
    filter: ownedFilter(schema, settings, ownerDns),
    attributes,
    sizeLimit: schema.sizeLimit?.search,
  });
  return searchEntries;
}

/**
 * The entry `dn` when, as the server sees it now, it lies under the service base and one of
 * `ownerDns` owns it; undefined otherwise (whatever DN a replayed request carries).
 */
export async function findOwnedEntry(
  client: Client,
  schema: ServiceAccountSchema,
  settings: ServiceAccountSettings,
  dn: string,
  ownerDns: string[],
  attributes: string[],
): Promise<Entry | undefined> {
  if (ownerDns.length === 0) return undefined;
  const { searchEntries } = await client.search(settings.baseDn, {
    scope: 'sub',
    filter: new AndFilter({
      filters: [new EqualityFilter({ attribute: schema.dnAttribute, value: dn }), ownedFilter(schema, settings, ownerDns)],
    }),
    attributes,
    sizeLimit: schema.sizeLimit?.find,
  });
  return searchEntries[0];
}

function ownedFilter(schema: ServiceAccountSchema, settings: ServiceAccountSettings, ownerDns: string[]): Filter {
  const owners = ownerDns.map((ownerDn) => new EqualityFilter({ attribute: settings.ownerAttr, value: ownerDn }));
  return new AndFilter({ filters: [owners.length === 1 ? owners[0] : new OrFilter({ filters: owners }), schema.accountFilter] });
}
