/**
 * The help desk's directory side on a real slapd: protected accounts (groups anywhere in the
 * directory, nested, `member` and `uniqueMember`; the service account itself) and unlocking.
 */
import { DirectoryError, type DirectoryFailure } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import { DEFAULT_POLICY as DEFAULT_PASSDESK_POLICY } from '../../src/policy/default-policy';
import { PasswordPolicy } from '../../src/policy/password-policy';
import type { TestAccountSpec } from '../harness/directory-server';
import { DEFAULT_POLICY, DISABLED_LOCK_TIME, GROUPS_DN, SUFFIX, startSlapd, type SlapdServer } from '../harness/slapd';

let server: SlapdServer;
let directory: OpenLdapDirectory;

function openLdapDirectory(baseDn = server.env.LDAP_BASE_DN!): OpenLdapDirectory {
  const env = server.env;
  const connector = new LdapConnector({
    url: env.LDAP_URL!,
    caFile: env.LDAP_CA_FILE,
    insecure: false,
    bindDn: env.LDAP_BIND_DN!,
    bindPassword: env.LDAP_BIND_PASSWORD!,
    timeoutMs: 5_000,
  });
  return new OpenLdapDirectory({
    connector,
    baseDn,
    mailAttr: env.LDAP_MAIL_ATTR!,
    phoneAttr: env.LDAP_PHONE_ATTR!,
    linkAttr: env.LDAP_LINK_ATTR,
    defaultPolicyDn: env.LDAP_PPOLICY_DN,
  });
}

let counter = 0;
async function addAccount(overrides: Partial<TestAccountSpec> = {}): Promise<TestAccountSpec & { dn: string }> {
  counter += 1;
  const spec: TestAccountSpec = {
    username: `hd${counter}`,
    mail: `hd${counter}@uni.example`,
    password: `Initial-Pass-${counter}!`,
    givenName: 'Help',
    sn: `Desk${counter}`,
    ...overrides,
  };
  return { ...spec, dn: await server.addAccount(spec) };
}

async function failureOf(promise: Promise<unknown>): Promise<DirectoryFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof DirectoryError)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  return error.failure;
}

/** Locks the account the way ppolicy does: pwdMaxFailure wrong binds. */
async function lockByWrongBinds(dn: string): Promise<void> {
  for (let attempt = 0; attempt < DEFAULT_POLICY.maxFailure; attempt += 1) {
    expect(await server.canBind(dn, `Wrong-Guess-${attempt}!`)).toBe(false);
  }
}

beforeAll(async () => {
  server = await startSlapd();
  directory = openLdapDirectory();
});

afterAll(async () => {
  await server?.stop();
});

describe('protected accounts', () => {
  it('protects a direct member of a protected group that lies outside the base DN', async () => {
    const admin = await addAccount();
    const plain = await addAccount();
    const group = await server.addGroup('it-admins', [admin.dn]);
    expect(group.endsWith(GROUPS_DN)).toBe(true);

    await expect(directory.helpdeskProtection(admin.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
    await expect(directory.helpdeskProtection(plain.dn, [group])).resolves.toBeUndefined();
  });

  it('reads uniqueMember as well as member', async () => {
    const rector = await addAccount();
    const group = await server.addGroup('rectorate', [rector.dn], { unique: true });
    await expect(directory.helpdeskProtection(rector.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
  });

  it('follows nested groups, through both kinds', async () => {
    const deputy = await addAccount();
    const inner = await server.addGroup('deputies', [deputy.dn], { unique: true });
    const middle = await server.addGroup('deputy-groups', [inner]);
    const top = await server.addGroup('top-admins', [middle]);
    const unrelated = await server.addGroup('library-staff', [deputy.dn]);

    await expect(directory.helpdeskProtection(deputy.dn, [unrelated, top])).resolves.toEqual({ reason: 'protected-group', groupDn: unrelated });
    await expect(directory.helpdeskProtection(deputy.dn, [top])).resolves.toEqual({ reason: 'protected-group', groupDn: top });
  });

  it('is not fooled by membership loops', async () => {
    const person = await addAccount();
    const loopA = await server.addGroup('loop-a', [person.dn]);
    const loopB = await server.addGroup('loop-b', [loopA]);
    await server.addGroupMember(loopA, loopB);
    const protectedGroup = await server.addGroup('loop-protected', [await addAccount().then((a) => a.dn)]);

    await expect(directory.helpdeskProtection(person.dn, [protectedGroup])).resolves.toBeUndefined();
    await expect(directory.helpdeskProtection(person.dn, [loopB])).resolves.toEqual({ reason: 'protected-group', groupDn: loopB });
  });

  it('compares DNs as the directory does: case and spacing in the setting do not matter', async () => {
    const admin = await addAccount();
    const group = await server.addGroup('Case-Admins', [admin.dn]);
    const spelledDifferently = group.toUpperCase().replace(/,/g, ', ');
    await expect(directory.helpdeskProtection(admin.dn, [spelledDifferently])).resolves.toMatchObject({ reason: 'protected-group' });
  });

  it('always protects the service account itself, with or without protected groups', async () => {
    const wholeTree = openLdapDirectory(SUFFIX);
    await expect(wholeTree.helpdeskProtection(server.serviceDn, [])).resolves.toEqual({ reason: 'service-account' });
    await expect(wholeTree.helpdeskProtection(server.serviceDn.toUpperCase(), [])).resolves.toEqual({ reason: 'service-account' });
    const plain = await addAccount();
    await expect(wholeTree.helpdeskProtection(plain.dn, [])).resolves.toBeUndefined();
  });

  it('fails rather than answer "not protected" when a protected group cannot be read', async () => {
    const person = await addAccount();
    expect(await failureOf(directory.helpdeskProtection(person.dn, [`cn=no-such-group,${GROUPS_DN}`]))).toBe('not-found');
    // An entry the service account may not read: the same answer, never "not protected".
    expect(await failureOf(directory.helpdeskProtection(person.dn, [`ou=services,${SUFFIX}`]))).toBe('not-found');
  });
});

describe('unlocking', () => {
  it('clears a lockout after failed logins; the person can log in and is not re-locked by one more typo', async () => {
    const person = await addAccount();
    await lockByWrongBinds(person.dn);
    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: true, disabled: false });
    expect(await server.canBind(person.dn, person.password)).toBe(false);

    await directory.unlockAccount(person.dn);

    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: false, disabled: false });
    expect(await server.readAsRoot(person.dn, ['pwdAccountLockedTime', 'pwdFailureTime'])).toEqual({});
    expect(await server.canBind(person.dn, 'One-More-Typo-1!')).toBe(false);
    expect(await server.canBind(person.dn, person.password)).toBe(true);
  });

  it('a temporary password leaves a locked account locked (slapd would drop the lock); unlocking then lets it in', async () => {
    const person = await addAccount();
    await lockByWrongBinds(person.dn);
    const { pwdAccountLockedTime } = await server.readAsRoot(person.dn, ['pwdAccountLockedTime']);

    await directory.setTemporaryPassword(person.dn, 'Temporary-Pass-7!');

    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: true, mustChange: true });
    expect(await server.readAsRoot(person.dn, ['pwdAccountLockedTime'])).toEqual({ pwdAccountLockedTime });
    expect(await server.canBind(person.dn, 'Temporary-Pass-7!')).toBe(false);

    await directory.unlockAccount(person.dn);
    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: false, mustChange: true });
    expect(await server.canBind(person.dn, 'Temporary-Pass-7!')).toBe(true);
  });

  it('never removes the permanent lock that means disabled', async () => {
    const person = await addAccount({ disabled: true });
    expect(await failureOf(directory.unlockAccount(person.dn))).toBe('account-disabled');
    expect(await server.readAsRoot(person.dn, ['pwdAccountLockedTime'])).toEqual({ pwdAccountLockedTime: [DISABLED_LOCK_TIME] });
    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ disabled: true });
  });

  it('writes nothing for an account that is not locked', async () => {
    const person = await addAccount();
    await directory.unlockAccount(person.dn);
    expect(await server.canBind(person.dn, person.password)).toBe(true);
  });

  it('answers not-found for an account outside the base DN, which it does not touch', async () => {
    expect(await failureOf(directory.unlockAccount(server.serviceDn))).toBe('not-found');
    expect(await failureOf(directory.unlockAccount(`uid=ghost,${server.peopleDn}`))).toBe('not-found');
  });
});

describe('what the operator sees of an account', () => {
  it('tells when the password was last set, and when it expires (pwdChangedTime + pwdMaxAge)', async () => {
    const person = await addAccount();
    const before = Date.now() - 1_000;
    await directory.setTemporaryPassword(person.dn, 'Temporary-Pass-9!');
    const account = await directory.getAccount(person.dn);
    const changedAt = account?.passwordChangedAt?.getTime() ?? 0;
    expect(changedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(changedAt).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(account?.passwordExpiresAt?.getTime()).toBe(changedAt + DEFAULT_POLICY.maxAgeSeconds * 1000);
    expect(account).toMatchObject({ mustChange: true, locked: false, disabled: false });
  });
});

describe('generated temporary passwords', () => {
  it('are accepted by slapd\'s ppolicy (quality, length) and must be changed', async () => {
    const policy = new PasswordPolicy(DEFAULT_PASSDESK_POLICY, await directory.passwordSettings());
    for (let round = 0; round < 3; round += 1) {
      const person = await addAccount();
      const temporary = policy.generate({ usernames: [person.username], nameParts: [person.givenName, person.sn] });
      await directory.setTemporaryPassword(person.dn, temporary);
      expect(await server.canBind(person.dn, temporary)).toBe(true);
      await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: true });
    }
  });
});

describe('the person after a temporary password', () => {
  it('is told by ppolicy that it must be changed (changeAfterReset); their own change (old and new) clears that', async () => {
    const person = await addAccount();
    await directory.setTemporaryPassword(person.dn, 'Temporary-Pass-8!');
    expect(await server.loginState(person.dn, 'Temporary-Pass-8!')).toBe('must-change');
    await expect(server.changeOwnPassword(person.dn, 'Not-The-Old-One-1!', 'Own-Choice-Pass-8!')).rejects.toThrow();

    await server.changeOwnPassword(person.dn, 'Temporary-Pass-8!', 'Own-Choice-Pass-8!');
    expect(await server.loginState(person.dn, 'Own-Choice-Pass-8!')).toBe('ok');
    await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: false });
  });
});

