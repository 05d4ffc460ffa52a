/**
 * Unlocking an Active Directory account locked out after failed logins: `lockoutTime=0`, which is
 * what "Unlock account" in the AD tools writes. It does not enable a disabled account (that is
 * userAccountControl) and is skipped when there is no lockout to clear. The service account needs
 * the right to write lockoutTime on the people OU.
 */
import { Attribute, Change, type Client, type Entry } from 'ldapts';
import { firstValue } from './entry-values';
import { DirectoryError } from './directory';

/**
 * `findPerson` reads the person under the base DN only (as every AD write does), so a DN outside
 * it is refused as 'not-found' before anything is sent to change it.
 */
export async function unlockAdAccount(
  client: Client,
  dn: string,
  findPerson: (client: Client, dn: string, attributes: string[]) => Promise<Entry | undefined>,
): Promise<void> {
  const entry = await findPerson(client, dn, ['lockoutTime']);
  if (!entry) throw new DirectoryError('not-found', 'unlock: no such account under the base DN');
  const lockoutTime = firstValue(entry, 'lockoutTime');
  if (lockoutTime === undefined || lockoutTime === '0') return;
  await client.modify(entry.dn, new Change({
    operation: 'replace',
    modification: new Attribute({ type: 'lockoutTime', values: ['0'] }),
  }));
}
