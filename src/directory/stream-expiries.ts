import type { Client } from 'ldapts';
import { type Account, DEFAULT_EXPIRY_PAGE_SIZE, type PasswordExpiryQuery } from './directory';
import type { LdapConnector } from './ldap-connector';

/** How one directory flavour reads expiries: chosen accounts, or every account expiring in a range. */
export interface ExpiryReader {
  byDn(client: Client, dns: string[]): AsyncGenerator<Account>;
  expiring(client: Client, from: Date, to: Date, pageSize: number): AsyncGenerator<Account>;
}

/**
 * Answers a `passwordExpiries` query on a pooled service-account connection with the flavour's
 * reader; a failure leaves as that flavour's DirectoryError.
 */
export async function* streamExpiries(
  connector: LdapConnector,
  query: PasswordExpiryQuery,
  reader: ExpiryReader,
  toDirectoryError: (error: unknown, action: string) => Error,
): AsyncGenerator<Account> {
  try {
    if ('dns' in query) {
      yield* connector.streamAsServiceAccount((client) => reader.byDn(client, query.dns));
    } else {
      const { from, to } = query.expiringBetween;
      const pageSize = query.pageSize ?? DEFAULT_EXPIRY_PAGE_SIZE;
      yield* connector.streamAsServiceAccount((client) => reader.expiring(client, from, to, pageSize));
    }
  } catch (error) {
    throw toDirectoryError(error, 'search password expiries');
  }
}
