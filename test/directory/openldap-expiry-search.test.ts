import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account, PasswordExpiryQuery } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import { OpenLdapExpirySearch } from '../../src/directory/openldap-expiry-search';
import { writePeopleLdif } from '../harness/bulk-people-ldif';
import { DAY_MS, type ExpiringKey, type ExpiringPeople, seedExpiringOnSlapd } from '../harness/expiring-people';
import { type SlapdServer, startSlapd } from '../harness/slapd';

let server: SlapdServer;
let people: ExpiringPeople;
const now = new Date();

beforeAll(async () => {
  server = await startSlapd();
  people = await seedExpiringOnSlapd(server, 'ol', now);
}, 30_000);
afterAll(() => server?.stop());

function connector(): LdapConnector {
  return new LdapConnector({
    url: server.env.LDAP_URL,
    caFile: server.env.LDAP_CA_FILE,
    insecure: false,
    bindDn: server.env.LDAP_BIND_DN,
    bindPassword: server.env.LDAP_BIND_PASSWORD,
    timeoutMs: 5_000,
  });
}

function directory(options: { withoutDefaultPolicy?: boolean } = {}): OpenLdapDirectory {
  return new OpenLdapDirectory({
    connector: connector(),
    baseDn: server.env.LDAP_BASE_DN,
    mailAttr: 'mail',
    phoneAttr: 'mobile',
    linkAttr: 'employeeNumber',
    defaultPolicyDn: options.withoutDefaultPolicy ? undefined : server.env.LDAP_PPOLICY_DN,
  });
}

async function collect(stream: AsyncIterable<Account>): Promise<Account[]> {
  const found: Account[] = [];
  for await (const item of stream) found.push(item);
  return found;
}

const expiring = (fromDays: number, toDays: number, pageSize?: number): PasswordExpiryQuery => ({
  expiringBetween: { from: new Date(now.getTime() + fromDays * DAY_MS), to: new Date(now.getTime() + toDays * DAY_MS) },
  pageSize,
});

const keysOf = (found: Account[]) =>
  found.map((account) => (Object.keys(people) as ExpiringKey[]).find((key) => people[key].dn === account.dn)).sort();

describe('OpenLDAP password expiries', () => {
  it('finds exactly the enabled accounts expiring in the range, under either policy, with their exact dates', async () => {
    const found = await collect(directory().passwordExpiries(expiring(-30, 10)));

    expect(keysOf(found)).toEqual(['anna', 'ewa', 'giulia', 'janStaff', 'janStudent', 'marco', 'piotr']);
    for (const account of found) {
      const person = Object.values(people).find((p) => p.dn === account.dn)!;
      const expected = new Date(now.getTime() + person.expiresInMs!);
      // pwdChangedTime keeps whole seconds.
      expect(Math.abs(account.passwordExpiresAt!.getTime() - expected.getTime())).toBeLessThan(1000);
      expect(account.passwordChangedAt).toBeInstanceOf(Date);
      expect(account.mail).toBe(person.spec.mail);
    }
    const jan = found.filter((account) => account.linkValue === people.janStaff.spec.linkValue);
    expect(jan).toHaveLength(2);
  });

  it('reads every page: a page size smaller than the result gives the same accounts', async () => {
    const whole = await collect(directory().passwordExpiries(expiring(-30, 10)));
    const paged = await collect(directory().passwordExpiries(expiring(-30, 10, 2)));
    expect(keysOf(paged)).toEqual(keysOf(whole));
  });

  it('asks the server for the range: one branch per policy with a maximum age, on pwdChangedTime', async () => {
    const { from, to } = (expiring(-30, 10) as { expiringBetween: { from: Date; to: Date } }).expiringBetween;
    const search = new OpenLdapExpirySearch({
      connector: connector(), baseDn: server.env.LDAP_BASE_DN, names: { mail: 'mail', phone: 'mobile' },
      defaultPolicyDn: server.defaultPolicyDn, clock: { now: () => now },
    });

    const filter = await search.expiringFilter(from, to);

    const stamp = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:T]/g, '').replace('.000Z', 'Z');
    const year = 365 * DAY_MS;
    expect(filter).toContain(`(pwdChangedTime>=${stamp(from.getTime() - year)})`);
    expect(filter).toContain(`(!(pwdPolicySubentry=*))`);
    expect(filter).toContain(`(pwdChangedTime>=${stamp(from.getTime() - 90 * DAY_MS)})`);
    expect(filter).toContain('(!(pwdReset=TRUE))');
    // The no-expiry policy has no branch: two branches only.
    expect(filter!.match(/pwdChangedTime>=/g)).toHaveLength(2);
  });

  it('knows no expiry without a policy: with no default policy configured, only accounts with their own policy are found', async () => {
    const found = await collect(directory({ withoutDefaultPolicy: true }).passwordExpiries(expiring(-30, 10)));
    expect(keysOf(found)).toEqual(['giulia']);
  });

  it('gives chosen accounts their last change and expiry whatever their state (for /password status)', async () => {
    const wanted = [people.janStaff, people.nina, people.teresa, people.dario];
    const found = await collect(directory().passwordExpiries({ dns: wanted.map((p) => p.dn) }));

    const byDn = new Map(found.map((account) => [account.dn, account]));
    expect(byDn.size).toBe(4);
    expect(byDn.get(people.janStaff.dn)!.passwordChangedAt!.getTime()).toBeCloseTo(now.getTime() + people.janStaff.expiresInMs! - 365 * DAY_MS, -4);
    expect(byDn.get(people.nina.dn)!.passwordExpiresAt).toBeNull();
    expect(byDn.get(people.teresa.dn)).toMatchObject({ mustChange: true });
    expect(byDn.get(people.dario.dn)!.disabled).toBe(true);
  });

  it('says the directory is unavailable when it cannot be reached', async () => {
    const unreachable = new OpenLdapDirectory({
      connector: new LdapConnector({ url: 'ldaps://127.0.0.1:1', insecure: false, bindDn: 'cn=x', bindPassword: 'x', timeoutMs: 2_000 }),
      baseDn: server.env.LDAP_BASE_DN, mailAttr: 'mail', phoneAttr: 'mobile',
    });
    await expect(collect(unreachable.passwordExpiries(expiring(-30, 10)))).rejects.toMatchObject({ failure: 'unavailable' });
  });

  it('reads past one page and past slapd\'s default size limit of 500 (lifted for the service account, as the README says)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passdesk-bulk-'));
    const ldif = join(dir, 'people.ldif');
    await writePeopleLdif(ldif, { size: 2_000, due: 650, now });
    const big = await startSlapd({ peopleLdif: ldif });
    try {
      const bigDirectory = new OpenLdapDirectory({
        connector: new LdapConnector({
          url: big.env.LDAP_URL, caFile: big.env.LDAP_CA_FILE, insecure: false,
          bindDn: big.env.LDAP_BIND_DN, bindPassword: big.env.LDAP_BIND_PASSWORD, timeoutMs: 10_000,
        }),
        baseDn: big.env.LDAP_BASE_DN, mailAttr: 'mail', phoneAttr: 'mobile', defaultPolicyDn: big.env.LDAP_PPOLICY_DN,
      });
      const found = await collect(bigDirectory.passwordExpiries(expiring(0, 10)));
      expect(found).toHaveLength(650);
      expect(new Set(found.map((account) => account.dn)).size).toBe(650);
    } finally {
      await big.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
