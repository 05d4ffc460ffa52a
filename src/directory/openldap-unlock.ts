/**
 * Unlocking an OpenLDAP account locked by ppolicy after failed logins: remove its
 * `pwdAccountLockedTime`. The permanent value 000001010000Z is how an administrator disables an
 * account, so it is never removed. The delete names the value just read, so if the lock changed
 * in between (e.g. an administrator disabled the account), slapd refuses and nothing changes.
 * slapd's ppolicy also drops `pwdFailureTime` when the lock is removed.
 */
import { Attribute, Change, EqualityFilter, type Client } from 'ldapts';
import { DirectoryError } from './directory';
import { firstValue } from './entry-values';
import { DISABLED_LOCK_TIME } from './openldap-account';

export async function unlockOpenLdapAccount(client: Client, baseDn: string, dn: string): Promise<void> {
  // Searched under the base DN (entryDN matching normalises the name): nothing outside it is written.
  const { searchEntries } = await client.search(baseDn, {
    scope: 'sub',
    filter: new EqualityFilter({ attribute: 'entryDN', value: dn }),
    attributes: ['pwdAccountLockedTime'],
    sizeLimit: 1,
  });
  const entry = searchEntries[0];
  if (!entry) throw new DirectoryError('not-found', 'unlock: no such account under the base DN');
  const lockedTime = firstValue(entry, 'pwdAccountLockedTime');
  if (lockedTime === undefined) return;
  if (lockedTime === DISABLED_LOCK_TIME) throw new DirectoryError('account-disabled', 'unlock: the account is disabled, not locked');
  await client.modify(entry.dn, new Change({
    operation: 'delete',
    modification: new Attribute({ type: 'pwdAccountLockedTime', values: [lockedTime] }),
  }));
}
