/**
 * Password expiries on Active Directory (Windows or Samba).
 *
 * The exact expiry is the computed `msDS-UserPasswordExpiryTimeComputed` (domain policy or the
 * resultant fine-grained policy), which cannot be used in a filter. So the search bounds
 * `pwdLastSet` by the maximum ages that may apply: the domain's `maxPwdAge` and that of every
 * fine-grained policy (PSO) the service account can read (by default only administrators can:
 * grant read on the Password Settings Container, or accounts under a PSO shorter than the domain's
 * policy are missed). Each candidate's date then comes from the computed attribute.
 *
 * "Never expires" has two forms: the DONT_EXPIRE_PASSWD flag (filtered out by the server) and a
 * policy whose maximum age is "never" (the computed date reads "never": no expiry). A disabled
 * account still gets a computed date, so ACCOUNTDISABLE is filtered out too; a "must change"
 * account has pwdLastSet 0 and is outside every range.
 */
import {
  AndFilter, ExtensibleFilter, GreaterThanEqualsFilter, LessThanEqualsFilter, NoSuchObjectError, NotFilter,
  type Client, type Entry, type Filter,
} from 'ldapts';
import {
  type AdAttributeNames, PEOPLE_FILTER, UF_ACCOUNTDISABLE, UF_DONT_EXPIRE_PASSWD, accountAttributes, accountFromEntry,
} from './ad-account';
import { entryValues, firstValue } from './entry-values';
import { dateToFileTime, intervalToMilliseconds } from './ad-time';
import { toDirectoryError } from './ad-errors';
import type { Account, PasswordExpiryQuery } from './directory';
import { type ExpiryReader, streamExpiries } from './stream-expiries';
import type { LdapConnector } from './ldap-connector';

/** LDAP_MATCHING_RULE_BIT_AND. */
const BIT_AND = '1.2.840.113556.1.4.803';

export interface AdExpirySearchOptions {
  connector: LdapConnector;
  baseDn: string;
  names: AdAttributeNames;
  /** The domain's DN (the rootDSE's defaultNamingContext), where maxPwdAge lives. */
  domainDn: () => Promise<string>;
}

export class AdExpirySearch {
  constructor(private readonly options: AdExpirySearchOptions) {}

  search(query: PasswordExpiryQuery): AsyncGenerator<Account> {
    const reader: ExpiryReader = {
      byDn: (client, dns) => this.byDn(client, dns),
      expiring: (client, from, to, pageSize) => this.expiring(client, from, to, pageSize),
    };
    return streamExpiries(this.options.connector, query, reader, toDirectoryError);
  }

  private async *expiring(client: Client, from: Date, to: Date, pageSize: number): AsyncGenerator<Account> {
    const maxAges = await this.readMaxAges(client);
    if (maxAges.length === 0) return; // no policy sets a maximum age: nothing expires
    const shortest = Math.min(...maxAges);
    const longest = Math.max(...maxAges);
    const filter = new AndFilter({
      filters: [
        PEOPLE_FILTER,
        // Set at least once (0 is "must change"), and recently enough to expire within the range.
        new GreaterThanEqualsFilter({ attribute: 'pwdLastSet', value: fileTime(Math.max(from.getTime() - longest, 0), 1n) }),
        new LessThanEqualsFilter({ attribute: 'pwdLastSet', value: fileTime(to.getTime() - shortest) }),
        new NotFilter({ filter: hasFlag(UF_ACCOUNTDISABLE) }),
        new NotFilter({ filter: hasFlag(UF_DONT_EXPIRE_PASSWD) }),
      ],
    });
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
        // The computed lockout bit is read where the server sends it; no fallback is needed here.
        const account = accountFromEntry(entry, this.options.names);
        const expiresAt = account?.passwordExpiresAt;
        if (!account || !expiresAt || account.disabled || account.mustChange) continue;
        if (expiresAt < from || expiresAt > to) continue;
        yield account;
      }
    }
  }

  private async *byDn(client: Client, dns: string[]): AsyncGenerator<Account> {
    for (const dn of dns) {
      let entries: Entry[];
      try {
        ({ searchEntries: entries } = await client.search(dn, {
          scope: 'base',
          filter: PEOPLE_FILTER,
          attributes: accountAttributes(this.options.names),
        }));
      } catch (error) {
        if (error instanceof NoSuchObjectError) continue;
        throw error;
      }
      for (const entry of entries) {
        const account = accountFromEntry(entry, this.options.names);
        if (account) yield account;
      }
    }
  }

  /** Maximum ages in ms of the domain and every readable PSO; "never" (0 or the largest interval) left out. */
  private async readMaxAges(client: Client): Promise<number[]> {
    const domainDn = await this.options.domainDn();
    const { searchEntries: [domain] } = await client.search(domainDn, { scope: 'base', attributes: ['maxPwdAge'] });
    const ages = [intervalToMilliseconds(domain ? firstValue(domain, 'maxPwdAge') : undefined)];
    try {
      const { searchEntries } = await client.search(`CN=Password Settings Container,CN=System,${domainDn}`, {
        scope: 'one',
        filter: '(objectClass=msDS-PasswordSettings)',
        attributes: ['msDS-MaximumPasswordAge'],
      });
      for (const pso of searchEntries) ages.push(intervalToMilliseconds(entryValues(pso, 'msDS-MaximumPasswordAge')[0]));
    } catch (error) {
      if (!(error instanceof NoSuchObjectError)) throw error;
    }
    return ages.filter((age): age is number => age !== undefined && age > 0 && Number.isFinite(age));
  }
}

function hasFlag(flag: number): Filter {
  return new ExtensibleFilter({ matchType: 'userAccountControl', rule: BIT_AND, value: String(flag) });
}

/** A Date (ms) as a FILETIME tick string, at least `floor`. */
function fileTime(ms: number, floor = 0n): string {
  const ticks = dateToFileTime(new Date(ms));
  return (ticks < floor ? floor : ticks).toString();
}
