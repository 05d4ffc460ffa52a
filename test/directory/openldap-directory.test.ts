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
  return new OpenLdapDirectory({
    connector,
    baseDn: env.LDAP_BASE_DN!,
    mailAttr: env.LDAP_MAIL_ATTR!,
    phoneAttr: env.LDAP_PHONE_ATTR!,
    linkAttr: env.LDAP_LINK_ATTR,
    defaultPolicyDn: 'defaultPolicyDn' in settings ? settings.defaultPolicyDn : env.LDAP_PPOLICY_DN,
    clock: settings.clock,
  });
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
  await server?.stop();
});

describe('finding accounts', () => {
  it('finds the staff account by mail, then the student account linked to it', async () => {
    const accounts = await directory.findAccountsByMail(people.staff.mail);
    expect(accounts.map((account) => account.dn)).toEqual([people.staff.dn, people.student.dn]);
    expect(accounts[0]).toMatchObject({
      username: people.staff.username,
      displayName: 'Jan Kowalski',
      nameParts: ['Jan', 'Kowalski'],
      mail: people.staff.mail,
      phone: people.staff.phone,
      linkValue: people.staff.linkValue,
      disabled: false,
      locked: false,
      mustChange: false,
    });
  });

  it('lists the directly matched account first when starting from the student mail, ignoring case', async () => {
    const accounts = await directory.findAccountsByMail(people.student.mail.toUpperCase());
    expect(accounts.map((account) => account.username)).toEqual([people.student.username, people.staff.username]);
  });

  it('finds accounts by username, with the linked ones', async () => {
    const accounts = await directory.findAccountsByUsername(people.student.username);
    expect(accounts.map((account) => account.dn)).toEqual([people.student.dn, people.staff.dn]);
  });

  it('treats filter syntax in the address as plain text', async () => {
    for (const mail of ['*)(uid=*', '*', `${people.staff.mail})(mail=*`, '*@uni.example']) {
      await expect(directory.findAccountsByMail(mail)).resolves.toEqual([]);
    }
    await expect(directory.findAccountsByUsername('*')).resolves.toEqual([]);
    await expect(directory.findAccountsByMail('  ')).resolves.toEqual([]);
  });

  it('reports an account without a phone as having none', async () => {
    const accounts = await directory.findAccountsByMail(people.noPhone.mail);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.phone).toBeUndefined();
    expect(accounts[0]!.linkValue).toBe(people.noPhone.linkValue);
  });

  it('reports a disabled account as disabled, not locked', async () => {
    const [account] = await directory.findAccountsByMail(people.disabled.mail);
    expect(account).toMatchObject({ dn: people.disabled.dn, disabled: true, locked: false });
  });

  it('does not link accounts when no link attribute is configured', async () => {
    const env = server.env;
    const unlinked = new OpenLdapDirectory({
      connector: new LdapConnector({
        url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
        bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000,
      }),
      baseDn: env.LDAP_BASE_DN!, mailAttr: 'mail', phoneAttr: 'mobile',
    });
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
  it('is the time of the last change plus the policy maximum age', async () => {
    const account = await directory.getAccount(people.staff.dn);
    const { pwdChangedTime } = await server.readAsRoot(people.staff.dn, ['pwdChangedTime']);
    const changed = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(pwdChangedTime![0]!)!;
    const changedAt = Date.UTC(+changed[1]!, +changed[2]! - 1, +changed[3]!, +changed[4]!, +changed[5]!, +changed[6]!);
    expect(account!.passwordExpiresAt).toEqual(new Date(changedAt + DEFAULT_POLICY.maxAgeSeconds * 1000));
  });

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
  it('sets the new password on both linked accounts: it binds, the old one no longer does', async () => {
    const pair = await seedPeople(server, { tag: 'r' });
    const accounts = await directory.findAccountsByMail(pair.student.mail);
    expect(accounts.map((account) => account.dn)).toEqual([pair.student.dn, pair.staff.dn]);
    for (const account of accounts) await directory.resetPassword(account.dn, 'Fresh-Password-42!');
    for (const seeded of [pair.staff, pair.student]) {
      await expect(server.canBind(seeded.dn, 'Fresh-Password-42!')).resolves.toBe(true);
      await expect(server.canBind(seeded.dn, seeded.password)).resolves.toBe(false);
    }
  });

  it('stores the password hashed, not in clear', async () => {
    const spec = await addAccount();
    await directory.resetPassword(spec.dn, 'Hashed-Password-1!');
    const { userPassword } = await server.readAsRoot(spec.dn, ['userPassword']);
    expect(userPassword).toHaveLength(1);
    expect(userPassword![0]).toMatch(/^\{SSHA\}/);
  });

  it('leaves the account free of "must change", even after a temporary password', async () => {
    const spec = await addAccount();
    await directory.setTemporaryPassword(spec.dn, 'Temporary-Pass-1!');
    await directory.resetPassword(spec.dn, 'Own-Choice-Pass-1!');
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ mustChange: false });
    await expect(server.readAsRoot(spec.dn, ['pwdReset'])).resolves.toEqual({});
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

  it('maps a password shorter than the server minimum to policy / too-short', async () => {
    const spec = await addAccount();
    const error = await expectFailure(directory.resetPassword(spec.dn, 'Ab1!x'), 'policy', ['too-short']);
    expect(error.message).not.toContain('Ab1!x');
    await expect(server.canBind(spec.dn, spec.password)).resolves.toBe(true);
  });

  it('refuses a disabled account, which stays disabled with its password', async () => {
    await expectFailure(directory.resetPassword(people.disabled.dn, 'Revived-Pass-1!'), 'account-disabled');
    await expectFailure(directory.setTemporaryPassword(people.disabled.dn, 'Revived-Pass-1!'), 'account-disabled');
    await expect(directory.getAccount(people.disabled.dn)).resolves.toMatchObject({ disabled: true });
    await expect(server.canBind(people.disabled.dn, 'Revived-Pass-1!')).resolves.toBe(false);
  });

  it('answers not-found for an account that does not exist or lies outside the base DN', async () => {
    await expectFailure(directory.resetPassword(`uid=ghost,${server.peopleDn}`, 'Ghost-Pass-1!'), 'not-found');
    await expectFailure(directory.resetPassword(server.serviceDn, 'Takeover-Pass-1!'), 'not-found');
    await expect(server.canBind(server.serviceDn, server.servicePassword)).resolves.toBe(true);
  });
});

describe('setTemporaryPassword', () => {
  it('sets a password that binds and must be changed at the next login', async () => {
    const spec = await addAccount();
    await directory.setTemporaryPassword(spec.dn, 'Temporary-Pass-2!');
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ mustChange: true });
    await expect(server.canBind(spec.dn, 'Temporary-Pass-2!')).resolves.toBe(true);
    await expect(directory.verifyPassword(spec.dn, 'Temporary-Pass-2!')).resolves.toBe(true);
  });

  it('is cleared by the person changing the temporary password', async () => {
    const spec = await addAccount();
    await directory.setTemporaryPassword(spec.dn, 'Temporary-Pass-3!');
    await directory.changePassword(spec.dn, 'Temporary-Pass-3!', 'Own-Password-3!');
    await expect(directory.getAccount(spec.dn)).resolves.toMatchObject({ mustChange: false });
    await expect(server.canBind(spec.dn, 'Own-Password-3!')).resolves.toBe(true);
  });
});

describe('changePassword', () => {
  it('changes the password when the current one is right', async () => {
    const spec = await addAccount();
    await directory.changePassword(spec.dn, spec.password, 'Changed-Password-4!');
    await expect(server.canBind(spec.dn, 'Changed-Password-4!')).resolves.toBe(true);
    await expect(server.canBind(spec.dn, spec.password)).resolves.toBe(false);
  });

  it('answers invalid-credentials for a wrong current password and changes nothing', async () => {
    const spec = await addAccount();
    const error = await expectFailure(directory.changePassword(spec.dn, 'Wrong-Password-1!', 'Changed-Password-5!'), 'invalid-credentials');
    expect(error.message).not.toMatch(/Wrong-Password-1!|Changed-Password-5!/);
    await expectFailure(directory.changePassword(spec.dn, '', 'Changed-Password-5!'), 'invalid-credentials');
    await expect(server.canBind(spec.dn, spec.password)).resolves.toBe(true);
  });

  it('applies the server policy to the new password', async () => {
    const spec = await addAccount();
    await expectFailure(directory.changePassword(spec.dn, spec.password, spec.password), 'policy', ['in-history']);
  });
});

describe('verifyPassword', () => {
  it('is true for the right password and false for a wrong or empty one', async () => {
    const spec = await addAccount();
    await expect(directory.verifyPassword(spec.dn, spec.password)).resolves.toBe(true);
    await expect(directory.verifyPassword(spec.dn, 'Not-The-Password-1!')).resolves.toBe(false);
    await expect(directory.verifyPassword(spec.dn, '')).resolves.toBe(false);
    await expect(directory.verifyPassword(`uid=ghost,${server.peopleDn}`, 'Whatever-Pass-1!')).resolves.toBe(false);
  });

  it('reports a disabled account as account-disabled', async () => {
    await expectFailure(directory.verifyPassword(people.disabled.dn, people.disabled.password), 'account-disabled');
  });

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
