import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock/clock';
import { DirectoryError, type DirectoryFailure, type DirectoryPolicyReason } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import type { TestAccountSpec } from '../harness/directory-server';
import { seedPeople, type SeededPeople } from '../harness/people';
import { DEFAULT_POLICY, startSlapd, type SlapdServer } from '../harness/slapd';

let server: SlapdServer;
let people: SeededPeople;
let directory: OpenLdapDirectory;
const opened: OpenLdapDirectory[] = [];

interface DirectorySettings {
  url?: string;
  caFile?: string;
  bindDn?: string;
  bindPassword?: string;
  defaultPolicyDn?: string;
  clock?: Clock;
}

function openLdapDirectory(settings: DirectorySettings = {}): OpenLdapDirectory {
  const env = server.env;
  const connector = new LdapConnector({
    url: settings.url ?? env.LDAP_URL!,
    caFile: settings.caFile ?? env.LDAP_CA_FILE,
    insecure: false,
    bindDn: settings.bindDn ?? env.LDAP_BIND_DN!,
    bindPassword: settings.bindPassword ?? env.LDAP_BIND_PASSWORD!,
    timeoutMs: 5_000,
  });
  const created = new OpenLdapDirectory({
    connector,
    baseDn: env.LDAP_BASE_DN!,
    mailAttr: env.LDAP_MAIL_ATTR!,
    phoneAttr: env.LDAP_PHONE_ATTR!,
    linkAttr: env.LDAP_LINK_ATTR,
    defaultPolicyDn: 'defaultPolicyDn' in settings ? settings.defaultPolicyDn : env.LDAP_PPOLICY_DN,
    clock: settings.clock,
  });
  opened.push(created);
  return created;
}

let accountCounter = 0;
/** A fresh account of its own, for tests that change passwords. */
async function addAccount(overrides: Partial<TestAccountSpec> = {}): Promise<TestAccountSpec & { dn: string }> {
  accountCounter += 1;
  const spec: TestAccountSpec = {
    username: `tester${accountCounter}`,
    mail: `tester${accountCounter}@uni.example`,
    password: `Initial-Pass-${accountCounter}!`,
    givenName: 'Test',
    sn: `Person${accountCounter}`,
    phone: '+48600999000',
    ...overrides,
  };
  return { ...spec, dn: await server.addAccount(spec) };
}

async function directoryError(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectoryError) return error;
    throw error;
  }
  throw new Error('expected a DirectoryError, but the operation succeeded');
}

async function expectFailure(promise: Promise<unknown>, failure: DirectoryFailure, reasons?: DirectoryPolicyReason[]): Promise<DirectoryError> {
  const error = await directoryError(promise);
  expect(error.failure).toBe(failure);
  if (reasons) expect(error.policyReasons).toEqual(reasons);
  return error;
}

beforeAll(async () => {
  server = await startSlapd();
  people = await seedPeople(server);
  directory = openLdapDirectory();
});

afterAll(async () => {
  await Promise.all(opened.map((each) => each.close()));
  await server?.stop();
});

describe('finding accounts', () => {
  it('does not link accounts when no link attribute is configured', async () => {
    const env = server.env;
    const unlinked = new OpenLdapDirectory({
      connector: new LdapConnector({
        url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
        bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000,
      }),
      baseDn: env.LDAP_BASE_DN!, mailAttr: 'mail', phoneAttr: 'mobile',
    });
    opened.push(unlinked);
    const accounts = await unlinked.findAccountsByMail(people.staff.mail);
    expect(accounts.map((account) => account.dn)).toEqual([people.staff.dn]);
    expect(accounts[0]!.linkValue).toBeUndefined();
  });

  it('re-reads one account by DN, and nothing outside the base DN or that does not exist', async () => {
    await expect(directory.getAccount(people.noPhone.dn)).resolves.toMatchObject({ username: people.noPhone.username });
    await expect(directory.getAccount(people.noPhone.dn.toUpperCase())).resolves.toMatchObject({ dn: people.noPhone.dn });
    await expect(directory.getAccount(server.serviceDn)).resolves.toBeUndefined();
    await expect(directory.getAccount(`uid=nobody,${server.peopleDn}`)).resolves.toBeUndefined();
    await expect(directory.getAccount('not a DN')).resolves.toBeUndefined();
  });
});

describe('password expiry', () => {
  it('is null under a policy without a maximum age (read from pwdPolicySubentry)', async () => {
    const spec = await addAccount();
    await server.assignPolicy(spec.dn, server.noExpiryPolicyDn);
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ passwordExpiresAt: null });
  });

  it('is null when the default policy is not known', async () => {
    const withoutPolicy = openLdapDirectory({ defaultPolicyDn: undefined });
    await expect(withoutPolicy.getAccount(people.staff.dn)).resolves.toMatchObject({ passwordExpiresAt: null });
  });
});

describe('resetPassword', () => {
  it('stores the password hashed, not in clear', async () => {
    const spec = await addAccount();
    await directory.resetPassword(spec.dn, 'Hashed-Password-1!');
    const { userPassword } = await server.readAsRoot(spec.dn, ['userPassword']);
    expect(userPassword).toHaveLength(1);
    expect(userPassword![0]).toMatch(/^\{SSHA\}/);
  });

  it('clears the pwdReset slapd sets when the resetting account counts as an administrator (here the root DN)', async () => {
    const spec = await addAccount();
    const asAdministrator = openLdapDirectory({ bindDn: server.rootDn, bindPassword: server.rootPassword });
    await asAdministrator.resetPassword(spec.dn, 'Admin-Reset-Pass-1!');
    await expect(asAdministrator.getAccount(spec.dn)).resolves.toMatchObject({ mustChange: false });
    await expect(server.canBind(spec.dn, 'Admin-Reset-Pass-1!')).resolves.toBe(true);
  });

  it('maps a password from the history to policy / in-history, without the password in the message', async () => {
    const spec = await addAccount();
    await directory.resetPassword(spec.dn, 'Second-Password-2!');
    const error = await expectFailure(directory.resetPassword(spec.dn, spec.password), 'policy', ['in-history']);
    expect(error.message).not.toContain(spec.password);
    await expect(server.canBind(spec.dn, 'Second-Password-2!')).resolves.toBe(true);
  });

  it('answers not-found for an account that does not exist or lies outside the base DN', async () => {
    await expectFailure(directory.resetPassword(`uid=ghost,${server.peopleDn}`, 'Ghost-Pass-1!'), 'not-found');
    await expectFailure(directory.resetPassword(server.serviceDn, 'Takeover-Pass-1!'), 'not-found');
    await expect(server.canBind(server.serviceDn, server.servicePassword)).resolves.toBe(true);
  });
});

describe('verifyPassword', () => {
  it('reports an account locked by failed logins as locked until the lockout duration has passed', async () => {
    const spec = await addAccount();
    for (let attempt = 0; attempt < DEFAULT_POLICY.maxFailure; attempt += 1) {
      await expect(server.canBind(spec.dn, `Wrong-Guess-${attempt}!`)).resolves.toBe(false);
    }
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ locked: true, disabled: false });
    await expectFailure(directory.verifyPassword(spec.dn, spec.password), 'account-locked');

    const later: Clock = { now: () => new Date(Date.now() + (DEFAULT_POLICY.lockoutDurationSeconds + 60) * 1000) };
    await expect(openLdapDirectory({ clock: later }).getAccount(spec.dn)).resolves.toMatchObject({ locked: false });
  });

  it('is unlocked by slapd itself when a new password is set (the bot writes no lockout attribute)', async () => {
    const spec = await addAccount();
    for (let attempt = 0; attempt < DEFAULT_POLICY.maxFailure; attempt += 1) await server.canBind(spec.dn, `Wrong-Guess-${attempt}!`);
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ locked: true });
    await directory.resetPassword(spec.dn, 'After-Lockout-Pass-1!');
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ locked: false });
    await expect(directory.verifyPassword(spec.dn, 'After-Lockout-Pass-1!')).resolves.toBe(true);
  });
});

describe('passwordSettings', () => {
  it('reads the minimum length and history from the default policy', async () => {
    await expect(directory.passwordSettings()).resolves.toEqual({
      minLength: DEFAULT_POLICY.minLength,
      historyLength: DEFAULT_POLICY.inHistory,
    });
  });

  it('is empty when no policy is configured or it cannot be read', async () => {
    await expect(openLdapDirectory({ defaultPolicyDn: undefined }).passwordSettings()).resolves.toEqual({});
    await expect(openLdapDirectory({ defaultPolicyDn: `cn=missing,${server.peopleDn}` }).passwordSettings()).resolves.toEqual({});
  });
});

describe('transport', () => {
  it('works over ldap:// upgraded with StartTLS', async () => {
    const overStartTls = openLdapDirectory({ url: server.startTlsUrl });
    const accounts = await overStartTls.findAccountsByMail(people.staff.mail);
    expect(accounts.map((account) => account.dn)).toEqual([people.staff.dn, people.student.dn]);
    await expect(overStartTls.verifyPassword(people.noPhone.dn, people.noPhone.password)).resolves.toBe(true);
  });

  it('fails with unavailable when the server certificate is not signed by the configured CA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passdesk-other-ca-'));
    try {
      const caFile = join(dir, 'other-ca.pem');
      // A CA of its own that did not sign the server's certificate (EC: generated in milliseconds).
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
        '-keyout', join(dir, 'other-ca.key'), '-out', caFile, '-days', '1', '-subj', '/CN=some other CA'], { stdio: 'pipe' });
      for (const url of [server.env.LDAP_URL!, server.startTlsUrl]) {
        const untrusting = openLdapDirectory({ url, caFile });
        await expectFailure(untrusting.findAccountsByMail(people.staff.mail), 'unavailable');
        await expectFailure(untrusting.verifyPassword(people.noPhone.dn, people.noPhone.password), 'unavailable');
        await expectFailure(untrusting.resetPassword(people.noPhone.dn, 'Never-Sent-Pass-1!'), 'unavailable');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Last: stops the shared server.
describe('when the server has stopped', () => {
  beforeAll(async () => {
    await server.stop();
  });

  it('fails every operation with unavailable', async () => {
    await expectFailure(directory.findAccountsByMail(people.staff.mail), 'unavailable');
    await expectFailure(directory.getAccount(people.staff.dn), 'unavailable');
    await expectFailure(directory.verifyPassword(people.staff.dn, people.staff.password), 'unavailable');
    await expectFailure(directory.changePassword(people.staff.dn, people.staff.password, 'Another-Pass-1!'), 'unavailable');
    await expectFailure(directory.resetPassword(people.staff.dn, 'Another-Pass-1!'), 'unavailable');
  });
});
