import { ActiveDirectory } from '../../src/directory/ad-directory';
import type { Account } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { DAY_MS, type ExpiringKey, type SambaExpiringSeed, seedExpiringOnSamba } from '../harness/expiring-people';
import { connectSamba } from '../harness/samba';
import { SAMBA_PASSWORD_SETTINGS } from '../harness/samba-template';

let seed: SambaExpiringSeed;
let directory: ActiveDirectory;

beforeAll(async () => {
  const samba = await connectSamba();
  seed = await seedExpiringOnSamba(samba, 'adx', SAMBA_PASSWORD_SETTINGS.maxAgeDays);
  const env = seed.server.env;
  directory = new ActiveDirectory({
    connector: new LdapConnector({
      url: env.LDAP_URL, caFile: env.LDAP_CA_FILE, insecure: false,
      bindDn: env.LDAP_BIND_DN, bindPassword: env.LDAP_BIND_PASSWORD, timeoutMs: 10_000,
    }),
    baseDn: env.LDAP_BASE_DN,
    mailAttr: 'mail',
    phoneAttr: 'mobile',
    linkAttr: 'employeeID',
  });
}, 120_000);

async function collect(stream: AsyncIterable<Account>): Promise<Account[]> {
  const found: Account[] = [];
  for await (const item of stream) found.push(item);
  return found;
}

/** "Now" as the sweep sees it: moved forward so the seeded maximum ages put the expiries where wanted. */
const sweepNow = () => Date.now() + seed.clockOffsetMs;
const between = (fromDays: number, toDays: number, pageSize?: number) => ({
  expiringBetween: { from: new Date(sweepNow() + fromDays * DAY_MS), to: new Date(sweepNow() + toDays * DAY_MS) },
  pageSize,
});
const keysOf = (found: Account[]) =>
  found.map((account) => (Object.keys(seed.people) as ExpiringKey[]).find((key) => seed.people[key].dn === account.dn)).sort();

describe('Active Directory password expiries (Samba)', () => {
  it('finds exactly the enabled accounts expiring in the range, by the domain policy or their fine-grained one', async () => {
    const found = await collect(directory.passwordExpiries(between(-30, 10)));

    expect(keysOf(found)).toEqual(['anna', 'ewa', 'giulia', 'janStaff', 'janStudent', 'marco', 'piotr']);
    for (const account of found) {
      const person = Object.values(seed.people).find((p) => p.dn === account.dn)!;
      // Expiry = pwdLastSet + the maximum age that applies, as the server computes it.
      const expectedInMs = person.expiresInMs!;
      const actualInMs = account.passwordExpiresAt!.getTime() - sweepNow();
      expect(Math.abs(actualInMs - expectedInMs)).toBeLessThan(2 * 60 * 60 * 1000);
      expect(account.passwordChangedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('reads every page', async () => {
    expect(keysOf(await collect(directory.passwordExpiries(between(-30, 10, 2))))).toEqual(
      keysOf(await collect(directory.passwordExpiries(between(-30, 10)))),
    );
  });

  it('bounds pwdLastSet by the shortest readable maximum age: a one-day window still finds the fine-grained 81-day policy', async () => {
    // The domain's 90 days alone would bound pwdLastSet 89 days back and miss Piotr (81 days, expiring within a day).
    const found = await collect(directory.passwordExpiries(between(0, 1)));
    expect(keysOf(found)).toEqual(['piotr']);
  });

  it('gives chosen accounts their last change and expiry whatever their state', async () => {
    const { people } = seed;
    const found = await collect(directory.passwordExpiries({ dns: [people.janStaff.dn, people.nina.dn, people.luca.dn, people.teresa.dn, people.dario.dn] }));

    const byDn = new Map(found.map((account) => [account.dn, account]));
    expect(byDn.get(people.janStaff.dn)!.passwordChangedAt).toBeInstanceOf(Date);
    expect(byDn.get(people.nina.dn)!.passwordExpiresAt).toBeNull();
    expect(byDn.get(people.luca.dn)!.passwordExpiresAt).toBeNull();
    expect(byDn.get(people.teresa.dn)).toMatchObject({ passwordChangedAt: null, mustChange: true, passwordExpiresAt: null });
    // A disabled account still has a computed expiry; the status shows it as disabled.
    expect(byDn.get(people.dario.dn)).toMatchObject({ disabled: true });
    expect(byDn.get(people.dario.dn)!.passwordExpiresAt).toBeInstanceOf(Date);
  });
});
