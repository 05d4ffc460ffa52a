/**
 * Password expiries on OpenLDAP (ppolicy): pwdChangedTime plus the pwdMaxAge of the policy that
 * applies (the entry's pwdPolicySubentry, else the default policy, `LDAP_PPOLICY_DN`).
 *
 * The policies are read first (every pwdPolicy entry the service account can read, and the
 * default). The search then asks slapd only for entries whose change time puts their expiry in the
 * range: one branch per policy with a maximum age, `(&(<uses this policy>)(pwdChangedTime>=…)
 * (pwdChangedTime<=…))`, read with the paged-results control. Entries under a policy without a
 * maximum age, or one the service account cannot read, never match: no expiry is known for them.
 */
import {
  AndFilter, EqualityFilter, GreaterThanEqualsFilter, InsufficientAccessError, LessThanEqualsFilter, NoSuchObjectError, NotFilter,
  OrFilter, PresenceFilter, type Client, type Entry, type Filter,
} from 'ldapts';
import type { Clock } from '../clock/clock';
import { type Account, DEFAULT_EXPIRY_PAGE_SIZE, type PasswordExpiryQuery } from './directory';
import { type ExpiryReader, streamExpiries } from './stream-expiries';
import type { LdapConnector } from './ldap-connector';
import { toDirectoryError } from './openldap-errors';
import { entryValues, firstValue } from './entry-values';
import {
  POLICY_ATTRIBUTES, UNKNOWN_POLICY, accountAttributes, readPolicy, toAccount,
  type AccountAttributeNames, type PasswordPolicy,
} from './openldap-account';

export interface OpenLdapExpirySearchOptions {
  connector: LdapConnector;
  baseDn: string;
  names: AccountAttributeNames;
  defaultPolicyDn?: string;
  clock: Clock;
}

/** Policies by normalised (lower-case) DN. */
type Policies = Map<string, { dn: string; policy: PasswordPolicy }>;

export class OpenLdapExpirySearch {
  constructor(private readonly options: OpenLdapExpirySearchOptions) {}

  search(query: PasswordExpiryQuery): AsyncGenerator<Account> {
    const reader: ExpiryReader = {
      byDn: (client, dns) => this.byDn(client, dns),
      expiring: (client, from, to, pageSize) => this.expiring(client, from, to, pageSize),
    };
    return streamExpiries(this.options.connector, query, reader, toDirectoryError);
  }

  /**
   * The filter the expiring search sends, built from the policies the service account can read;
   * undefined when no policy sets a maximum age (nothing can expire). The benchmark gives the same
   * filter to `ldapsearch`.
   */
  async expiringFilter(from: Date, to: Date): Promise<string | undefined> {
    return this.options.connector.asServiceAccount(async (client) =>
      buildFilter(await this.readPolicies(client), this.options.defaultPolicyDn, from, to)?.toString());
  }

  private async *expiring(client: Client, from: Date, to: Date, pageSize: number): AsyncGenerator<Account> {
    const policies = await this.readPolicies(client);
    const filter = buildFilter(policies, this.options.defaultPolicyDn, from, to);
    if (!filter) return;
    const pages = client.searchPaginated(this.options.baseDn, {
      scope: 'sub',
      filter,
      attributes: accountAttributes(this.options.names),
      paged: { pageSize },
      // ldapts asks the server for at most 10 s by default: a big unindexed directory may need longer.
      timeLimit: 0,
    });
    for await (const page of pages) {
      for (const entry of page.searchEntries) {
        const account = this.toAccount(entry, policies);
        const expiresAt = account?.passwordExpiresAt;
        if (!account || !expiresAt || account.disabled || account.mustChange) continue;
        if (expiresAt < from || expiresAt > to) continue;
        yield account;
      }
    }
  }

  private async *byDn(client: Client, dns: string[]): AsyncGenerator<Account> {
    if (dns.length === 0) return;
    const { searchEntries } = await client.search(this.options.baseDn, {
      scope: 'sub',
      filter: anyOf(dns.map((dn) => new EqualityFilter({ attribute: 'entryDN', value: dn }))),
      attributes: accountAttributes(this.options.names),
      sizeLimit: dns.length,
    });
    const policies: Policies = new Map();
    for (const entry of searchEntries) {
      const policyDn = this.policyDnOf(entry);
      if (policyDn && !policies.has(policyDn.toLowerCase())) {
        policies.set(policyDn.toLowerCase(), { dn: policyDn, policy: await readPolicyAt(client, policyDn) });
      }
      const account = this.toAccount(entry, policies);
      if (account) yield account;
    }
  }

  private toAccount(entry: Entry, policies: Policies): Account | undefined {
    const policyDn = this.policyDnOf(entry);
    const policy = (policyDn && policies.get(policyDn.toLowerCase())?.policy) || UNKNOWN_POLICY;
    return toAccount(entry, this.options.names, policy, this.options.clock.now());
  }

  private policyDnOf(entry: Entry): string | undefined {
    return firstValue(entry, 'pwdPolicySubentry') ?? this.options.defaultPolicyDn;
  }

  /**
   * Every pwdPolicy entry the service account can read: under the server's naming contexts or, where
   * it may not search from the top (slapd then answers "no such object"), beside the default policy;
   * and the default policy itself.
   */
  private async readPolicies(client: Client): Promise<Policies> {
    const policies: Policies = new Map();
    const { searchEntries: [rootDse] } = await client.search('', { scope: 'base', attributes: ['namingContexts'] });
    const defaultDn = this.options.defaultPolicyDn;
    const besideDefault = defaultDn ? parentOf(defaultDn) : undefined;
    const bases = [...(rootDse ? entryValues(rootDse, 'namingContexts') : []), ...(besideDefault ? [besideDefault] : [])];
    for (const base of bases) {
      if (await searchPolicies(client, base, policies)) break;
    }
    if (defaultDn && !policies.has(defaultDn.toLowerCase())) {
      policies.set(defaultDn.toLowerCase(), { dn: defaultDn, policy: await readPolicyAt(client, defaultDn) });
    }
    return policies;
  }
}

/** Adds the pwdPolicy entries under `base` to `policies`; false when `base` cannot be searched. */
async function searchPolicies(client: Client, base: string, policies: Policies): Promise<boolean> {
  const pages = client.searchPaginated(base, {
    scope: 'sub',
    filter: new EqualityFilter({ attribute: 'objectClass', value: 'pwdPolicy' }),
    attributes: POLICY_ATTRIBUTES,
    paged: { pageSize: DEFAULT_EXPIRY_PAGE_SIZE },
  });
  try {
    for await (const page of pages) {
      for (const entry of page.searchEntries) policies.set(entry.dn.toLowerCase(), { dn: entry.dn, policy: readPolicy(entry) });
    }
    return true;
  } catch (error) {
    if (error instanceof NoSuchObjectError || error instanceof InsufficientAccessError) return false;
    throw error;
  }
}

/** The DN one level up (RDN values cannot hold an unescaped comma). */
function parentOf(dn: string): string | undefined {
  const match = /^(?:[^,\\]|\\.)+,(.+)$/.exec(dn);
  return match?.[1];
}

/** `(&(uid=*)(!(pwdReset=TRUE))(|<one branch per policy with a maximum age>))`; undefined without any. */
function buildFilter(policies: Policies, defaultPolicyDn: string | undefined, from: Date, to: Date): Filter | undefined {
  const branches: Filter[] = [];
  for (const { dn, policy } of policies.values()) {
    const maxAgeMs = (policy.maxAgeSeconds ?? 0) * 1000;
    if (maxAgeMs <= 0) continue;
    const usesPolicy = new EqualityFilter({ attribute: 'pwdPolicySubentry', value: dn });
    const isDefault = defaultPolicyDn?.toLowerCase() === dn.toLowerCase();
    branches.push(new AndFilter({
      filters: [
        isDefault ? new OrFilter({ filters: [usesPolicy, new NotFilter({ filter: new PresenceFilter({ attribute: 'pwdPolicySubentry' }) })] }) : usesPolicy,
        // Changed at expiry minus the maximum age; whole seconds, widened outwards (the exact check follows).
        new GreaterThanEqualsFilter({ attribute: 'pwdChangedTime', value: generalizedTime(from.getTime() - maxAgeMs, 'floor') }),
        new LessThanEqualsFilter({ attribute: 'pwdChangedTime', value: generalizedTime(to.getTime() - maxAgeMs, 'ceil') }),
      ],
    }));
  }
  if (branches.length === 0) return undefined;
  return new AndFilter({
    filters: [
      new PresenceFilter({ attribute: 'uid' }),
      new NotFilter({ filter: new EqualityFilter({ attribute: 'pwdReset', value: 'TRUE' }) }),
      anyOf(branches),
    ],
  });
}

async function readPolicyAt(client: Client, dn: string): Promise<PasswordPolicy> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: POLICY_ATTRIBUTES });
    return searchEntries[0] ? readPolicy(searchEntries[0]) : UNKNOWN_POLICY;
  } catch {
    return UNKNOWN_POLICY; // unreadable or gone: no expiry is known under it
  }
}

/** A UTC GeneralizedTime with whole seconds (`20260101120000Z`). */
function generalizedTime(ms: number, round: 'floor' | 'ceil'): string {
  const seconds = round === 'floor' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  return new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function anyOf(filters: Filter[]): Filter {
  return filters.length === 1 ? filters[0] : new OrFilter({ filters });
}
