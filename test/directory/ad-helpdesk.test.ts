/**
 * The help desk's directory side on a real Samba AD DC: protected accounts (groups outside the
 * people OU, nested groups through LDAP_MATCHING_RULE_IN_CHAIN, primary groups, adminCount, the
 * service account itself) and unlocking (lockoutTime=0).
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import { ActiveDirectory } from '../../src/directory/ad-directory';
import { DirectoryError, type DirectoryFailure } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { PasswordPolicy } from '../../src/policy/password-policy';
import type { TestAccountSpec } from '../harness/directory-server';
import { type SambaServer, connectSamba } from '../harness/samba';
import { SAMBA_DOMAIN, SAMBA_PASSWORD_SETTINGS } from '../harness/samba-template';

const PASSWORD = 'Kettle-Drum-48!';

let samba: SambaServer;
let directory: ActiveDirectory;

beforeAll(async () => {
  samba = await connectSamba();
  directory = adDirectory();
}, 120_000);

function adDirectory(bindDn = samba.env.LDAP_BIND_DN, baseDn = samba.env.LDAP_BASE_DN): ActiveDirectory {
  const connector = new LdapConnector({
    url: samba.env.LDAP_URL,
    caFile: samba.env.LDAP_CA_FILE,
    insecure: false,
    bindDn,
    bindPassword: samba.env.LDAP_BIND_PASSWORD,
    timeoutMs: 10_000,
  });
  return new ActiveDirectory({
    connector,
    baseDn,
    mailAttr: samba.env.LDAP_MAIL_ATTR,
    phoneAttr: samba.env.LDAP_PHONE_ATTR,
    linkAttr: samba.env.LDAP_LINK_ATTR,
  });
}

const unique = () => randomBytes(5).toString('hex');

async function addPerson(overrides: Partial<TestAccountSpec> = {}): Promise<{ dn: string; spec: TestAccountSpec }> {
  const username = `hd-${unique()}`;
  const spec: TestAccountSpec = {
    username, mail: `${username}@uni.example`, password: PASSWORD, givenName: 'Ewa', sn: 'Lis', ...overrides,
  };
  return { dn: await samba.addAccount(spec), spec };
}

async function replaceAsAdministrator(dn: string, type: string, values: string[]): Promise<void> {
  await samba.asAdministrator((client) =>
    client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type, values }) })));
}

async function readAsAdministrator(dn: string, attribute: string): Promise<string | undefined> {
  return samba.asAdministrator(async (client) => {
    const [entry] = (await client.search(dn, { scope: 'base', attributes: [attribute] })).searchEntries;
    const value = entry?.[attribute];
    return typeof value === 'string' ? value : undefined;
  });
}

async function failureOf(promise: Promise<unknown>): Promise<DirectoryFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof DirectoryError)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  return error.failure;
}

describe('protected accounts', () => {
  it('protects a direct member of a protected group outside the people OU, and no one else', async () => {
    const admin = await addPerson();
    const plain = await addPerson();
    const group = await samba.addGroup(`hd-admins-${unique()}`, [admin.dn]);

    await expect(directory.helpdeskProtection(admin.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
    await expect(directory.helpdeskProtection(plain.dn, [group])).resolves.toBeUndefined();
    await expect(directory.helpdeskProtection(plain.dn, [])).resolves.toBeUndefined();
  });

  it('follows nested groups (memberOf in chain)', async () => {
    const deputy = await addPerson();
    const inner = await samba.addGroup(`hd-inner-${unique()}`, [deputy.dn]);
    const middle = await samba.addGroup(`hd-middle-${unique()}`, [inner]);
    const top = await samba.addGroup(`hd-top-${unique()}`, [middle]);

    await expect(directory.helpdeskProtection(deputy.dn, [top])).resolves.toEqual({ reason: 'protected-group', groupDn: top });
  });

  it('counts a protected group that is the account\'s primary group (not listed in member)', async () => {
    const person = await addPerson();
    const group = await samba.addGroup(`hd-primary-${unique()}`, [person.dn]);
    const token = await readAsAdministrator(group, 'primaryGroupToken');
    expect(token).toMatch(/^\d+$/);
    await replaceAsAdministrator(person.dn, 'primaryGroupID', [token!]);
    // Now only primaryGroupID says so: the group's member list no longer names the account.
    expect(await readAsAdministrator(group, 'member')).toBeUndefined();

    await expect(directory.helpdeskProtection(person.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
  });

  it('protects any account with adminCount=1 (the Administrator has it), and members of Domain Admins when listed', async () => {
    await expect(directory.helpdeskProtection(SAMBA_DOMAIN.adminDn, [])).resolves.toEqual({ reason: 'admin-count' });
    const domainAdmins = `CN=Domain Admins,CN=Users,${SAMBA_DOMAIN.domainDn}`;
    const promoted = await addPerson();
    await samba.asAdministrator((client) => client.modify(domainAdmins,
      new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [promoted.dn] }) })));
    await expect(directory.helpdeskProtection(promoted.dn, [domainAdmins])).resolves.toEqual({ reason: 'protected-group', groupDn: domainAdmins });

    const marked = await addPerson();
    await replaceAsAdministrator(marked.dn, 'adminCount', ['1']);
    await expect(directory.helpdeskProtection(marked.dn, [])).resolves.toEqual({ reason: 'admin-count' });
  });

  it('always protects the service account itself, whether LDAP_BIND_DN is its DN or its UPN', async () => {
    await expect(directory.helpdeskProtection(SAMBA_DOMAIN.serviceDn, [])).resolves.toEqual({ reason: 'service-account' });
    await expect(directory.helpdeskProtection(SAMBA_DOMAIN.serviceDn.toLowerCase(), [])).resolves.toEqual({ reason: 'service-account' });
    const byUpn = adDirectory(`${SAMBA_DOMAIN.serviceUser}@${SAMBA_DOMAIN.upnSuffix}`);
    await expect(byUpn.helpdeskProtection(SAMBA_DOMAIN.serviceDn, [])).resolves.toEqual({ reason: 'service-account' });
  });

  it('fails rather than answer "not protected" when a protected group does not exist', async () => {
    const person = await addPerson();
    expect(await failureOf(directory.helpdeskProtection(person.dn, [`CN=No Such Group,CN=Users,${SAMBA_DOMAIN.domainDn}`])))
      .toBe('not-found');
  });
});

describe('unlocking', () => {
  it('clears a lockout (lockoutTime=0): the right password works again', async () => {
    const { dn } = await addPerson();
    for (let attempt = 0; attempt < SAMBA_PASSWORD_SETTINGS.lockoutThreshold; attempt += 1) {
      expect(await samba.canBind(dn, `Wrong-Guess-${attempt}x`)).toBe(false);
    }
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: true });
    expect(await samba.canBind(dn, PASSWORD)).toBe(false);

    await directory.unlockAccount(dn);

    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: false });
    expect(await readAsAdministrator(dn, 'lockoutTime')).toBe('0');
    expect(await samba.canBind(dn, PASSWORD)).toBe(true);
  });

  it('a temporary password leaves a locked account locked; unlocking then lets it in, must change (data 773)', async () => {
    const { dn } = await addPerson();
    for (let attempt = 0; attempt < SAMBA_PASSWORD_SETTINGS.lockoutThreshold; attempt += 1) {
      expect(await samba.canBind(dn, `Wrong-Guess-${attempt}x`)).toBe(false);
    }
    await directory.setTemporaryPassword(dn, 'Temporary-Cup-56');
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: true, mustChange: true });
    expect((await failureOf(directory.verifyPassword(dn, 'Temporary-Cup-56')))).toBe('account-locked');

    await directory.unlockAccount(dn);
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: false, mustChange: true });
    await expect(directory.verifyPassword(dn, 'Temporary-Cup-56')).resolves.toBe(true);
  });

  it('does not enable a disabled account, and writes nothing when there is no lockout', async () => {
    const disabled = await addPerson({ disabled: true });
    await directory.unlockAccount(disabled.dn);
    await expect(directory.getAccount(disabled.dn)).resolves.toMatchObject({ disabled: true });

    const plain = await addPerson();
    await directory.unlockAccount(plain.dn);
    expect(await readAsAdministrator(plain.dn, 'lockoutTime')).toBeUndefined();
  });

  /** A locked account in CN=Users: outside LDAP_BASE_DN and outside the OU the service account may write. */
  async function lockedOutsideThePeopleOu(): Promise<{ dn: string; lockedAt: string | undefined }> {
    const username = `hd-out-${unique()}`;
    const dn = `CN=${username},CN=Users,${SAMBA_DOMAIN.domainDn}`;
    await samba.asAdministrator((client) => client.add(dn, [
      new Attribute({ type: 'objectClass', values: ['user'] }),
      new Attribute({ type: 'sAMAccountName', values: [username] }),
      new Attribute({ type: 'userAccountControl', values: ['512'] }),
      new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${PASSWORD}"`, 'utf16le')] }),
    ]));
    for (let attempt = 0; attempt < SAMBA_PASSWORD_SETTINGS.lockoutThreshold; attempt += 1) {
      expect(await samba.canBind(dn, `Wrong-Guess-${attempt}x`)).toBe(false);
    }
    const lockedAt = await readAsAdministrator(dn, 'lockoutTime');
    expect(lockedAt).not.toBe('0');
    return { dn, lockedAt };
  }

  it('refuses an account outside LDAP_BASE_DN as not-found before asking the directory to write, and leaves the lock', async () => {
    const { dn, lockedAt } = await lockedOutsideThePeopleOu();

    expect(await failureOf(directory.unlockAccount(dn))).toBe('not-found');
    expect(await readAsAdministrator(dn, 'lockoutTime')).toBe(lockedAt);
    expect(await failureOf(directory.unlockAccount(`CN=No Such Person,${SAMBA_DOMAIN.peopleDn}`))).toBe('not-found');
  });

  it('says so when the service account may not write lockoutTime (a base DN wider than its rights), and leaves the lock', async () => {
    const { dn, lockedAt } = await lockedOutsideThePeopleOu();
    const wholeDomain = adDirectory(samba.env.LDAP_BIND_DN, SAMBA_DOMAIN.domainDn);
    try {
      expect(await failureOf(wholeDomain.unlockAccount(dn))).toBe('insufficient-rights');
    } finally {
      await wholeDomain.close();
    }
    expect(await readAsAdministrator(dn, 'lockoutTime')).toBe(lockedAt);
  });
});

describe('what the operator sees of an account', () => {
  it('tells when the password was last set; a must-change password has no such date', async () => {
    const { dn } = await addPerson();
    const account = await directory.getAccount(dn);
    expect(account?.passwordChangedAt).toBeInstanceOf(Date);
    expect(Math.abs(account!.passwordChangedAt!.getTime() - Date.now())).toBeLessThan(5 * 60_000);

    await directory.setTemporaryPassword(dn, 'Temporary-Cup-55');
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ mustChange: true, passwordChangedAt: null });
  });
});

describe('generated temporary passwords', () => {
  it('are accepted by the domain\'s own rules (length, complexity with the person\'s names), and must be changed', async () => {
    const policy = new PasswordPolicy(DEFAULT_POLICY, await directory.passwordSettings());
    for (let round = 0; round < 3; round += 1) {
      const { dn, spec } = await addPerson();
      const temporary = policy.generate({ usernames: [spec.username], nameParts: [spec.givenName, spec.sn] });
      await directory.setTemporaryPassword(dn, temporary);
      await expect(directory.verifyPassword(dn, temporary)).resolves.toBe(true);
      await expect(directory.getAccount(dn)).resolves.toMatchObject({ mustChange: true });
    }
  });
});

describe('the person after a temporary password', () => {
  it('is told by the DC that it must be changed (data 773); their own change (old and new) clears that', async () => {
    const { dn } = await addPerson();
    await directory.setTemporaryPassword(dn, 'Temporary-Cup-57');
    expect(await samba.loginState(dn, 'Temporary-Cup-57')).toBe('must-change');
    await expect(samba.changeOwnPassword(dn, 'Not-The-Old-One-1', 'Own-Choice-Road-91')).rejects.toThrow();

    await samba.changeOwnPassword(dn, 'Temporary-Cup-57', 'Own-Choice-Road-91');
    expect(await samba.loginState(dn, 'Own-Choice-Road-91')).toBe('ok');
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ mustChange: false });
  });
});

