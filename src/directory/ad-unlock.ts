/**
 * Unlocking an Active Directory account locked out after failed logins: `lockoutTime=0`, which is
 * what "Unlock account" in the AD tools writes. It does not enable a disabled account (that is
 * userAccountControl) and is skipped when there is no lockout to clear. The service account needs
 * the right to write lockoutTime on the people OU.
 */
import { Attribute, Change, type Client } from 'ldapts';
import { firstValue } from './entry-values';
import { DirectoryError } from './directory';

export async function unlockAdAccount(client: Client, dn: string): Promise<void> {
  const { searchEntries } = await client.search(dn, { scope: 'base', filter: '(objectClass=user)', attributes: ['lockoutTime'] });
  const entry = searchEntries[0];
  if (!entry) throw new DirectoryError('not-found', 'unlock: no such account');
  const lockoutTime = firstValue(entry, 'lockoutTime');
  if (lockoutTime === undefined || lockoutTime === '0') return;
  await client.modify(dn, new Change({
    operation: 'replace',
    modification: new Attribute({ type: 'lockoutTime', values: ['0'] }),
  }));
}
