/**
 * The Active Directory side of the self-service menu, on a real Samba AD DC: lockout thresholds
 * (domain and fine-grained), service accounts found and reset only by their owner, usernames with
 * their UPN, and a must-change account changing its own password.
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import { ActiveDirectory } from '../../src/directory/ad-directory';
import { DirectoryError } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import type { TestAccountSpec } from '../harness/directory-server';
import { type SambaServer, connectSamba } from '../harness/samba';
import { SAMBA_DOMAIN, SAMBA_PASSWORD_SETTINGS } from '../harness/samba-template';

const PASSWORD = 'Kettle-Drum-48!';
const NEW_PASSWORD = 'Lantern-Road-73?';
const SERVICE_PASSWORD = 'Service-Lantern-Road-2024-73?';
const NEW_SERVICE_PASSWORD = 'Service-Kettle-Drum-2025-48!';

let samba: SambaServer;
let directory: ActiveDirectory;

beforeAll(async () => {
  samba = await connectSamba();
  directory = adDirectory();
}, 120_000);

function adDirectory({
  serviceBaseDn = samba.env.LDAP_SERVICE_BASE_DN as string | undefined,
  bindDn = samba.env.LDAP_BIND_DN,
  bindPassword = samba.env.LDAP_BIND_PASSWORD,
} = {}): ActiveDirectory {
  const connector = new LdapConnector({
    url: samba.env.LDAP_URL,
    caFile: samba.env.LDAP_CA_FILE,
    insecure: false,
    bindDn,
    bindPassword,
    timeoutMs: 10_000,
  });
  return new ActiveDirectory({
    connector,
    baseDn: samba.env.LDAP_BASE_DN,
    mailAttr: samba.env.LDAP_MAIL_ATTR,
    phoneAttr: samba.env.LDAP_PHONE_ATTR,
    linkAttr: samba.env.LDAP_LINK_ATTR,
    kindAttr: samba.env.LDAP_KIND_ATTR,
    serviceAccounts: serviceBaseDn ? { baseDn: serviceBaseDn, ownerAttr: 'manager' } : undefined,
  });
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

async function addPerson(overrides: Partial<TestAccountSpec> = {}): Promise<{ dn: string; spec: TestAccountSpec }> {
  const username = overrides.username ?? unique('ss');
  const spec: TestAccountSpec = {
    username, mail: `${username}@uni.example`, password: PASSWORD, givenName: 'Ewa', sn: 'Lis', phone: '+48600100200', ...overrides,
  };
  return { dn: await samba.addAccount(spec), spec };
}

async function addService(ownerDn: string, overrides: { disabled?: boolean } = {}): Promise<{ dn: string; username: string }> {
  const username = unique('svc');
  return { dn: await samba.addServiceAccount({ username, password: SERVICE_PASSWORD, ownerDns: [ownerDn], ...overrides }), username };
}

async function refusal(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryError);
  return error as DirectoryError;
}

async function readAttribute(dn: string, attribute: string): Promise<string | undefined> {
  return samba.asAdministrator(async (client) => {
    const [entry] = (await client.search(dn, { scope: 'base', attributes: [attribute] })).searchEntries;
    const value = entry?.[attribute];
    return typeof value === 'string' ? value : undefined;
  });
}

/** A fine-grained password policy applying to `dn`, with its own lockout threshold. */
async function applyPso(dn: string, lockoutThreshold: number): Promise<void> {
  await samba.asAdministrator((client) => client.add(
    `CN=${unique('pso')},${SAMBA_DOMAIN.passwordSettingsDn}`,
    {
      objectClass: 'msDS-PasswordSettings',
      'msDS-PasswordSettingsPrecedence': '10',
      'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
      'msDS-PasswordHistoryLength': '5',
      'msDS-PasswordComplexityEnabled': 'TRUE',
      'msDS-MinimumPasswordLength': '8',
      'msDS-MinimumPasswordAge': '0',
      'msDS-MaximumPasswordAge': '-864000000000000',
      'msDS-LockoutThreshold': String(lockoutThreshold),
      'msDS-LockoutObservationWindow': '-18000000000',
      'msDS-LockoutDuration': '-18000000000',
      'msDS-PSOAppliesTo': dn,
    },
  ));
}

describe('lockout threshold', () => {
  it('is the domain lockoutThreshold, with the wrong passwords the DC has counted', async () => {
    const { dn } = await addPerson();
    await expect(directory.lockoutStatus(dn)).resolves.toEqual({ threshold: SAMBA_PASSWORD_SETTINGS.lockoutThreshold, failures: 0 });

    expect(await samba.canBind(dn, 'Wrong-Guess-1x')).toBe(false);
    expect(await samba.canBind(dn, 'Wrong-Guess-2x')).toBe(false);

    await expect(directory.lockoutStatus(dn)).resolves.toEqual({ threshold: SAMBA_PASSWORD_SETTINGS.lockoutThreshold, failures: 2 });
  });

  it('is the fine-grained policy msDS-LockoutThreshold where one applies (msDS-ResultantPSO)', async () => {
    const { dn } = await addPerson();
    await applyPso(dn, 3);

    const status = await directory.lockoutStatus(dn);

    expect(status).toEqual({ threshold: 3, failures: 0 });
  });

  it('is "never" under a fine-grained policy that does not lock', async () => {
    const { dn } = await addPerson();
    await applyPso(dn, 0);

    await expect(directory.lockoutStatus(dn)).resolves.toEqual({ threshold: 'never', failures: 0 });
  });

  it('is "unknown" when the fine-grained policy cannot be read (by default only administrators may)', async () => {
    const { dn } = await addPerson();
    await applyPso(dn, 3);
    const reader = await addPerson();

    const status = await adDirectory({ bindDn: reader.dn, bindPassword: PASSWORD }).lockoutStatus(dn);

    expect(status.threshold).toBe('unknown');
  });

  it('answers not-found for an account that does not exist', async () => {
    expect((await refusal(directory.lockoutStatus(`CN=ghost-${unique('x')},${SAMBA_DOMAIN.peopleDn}`))).failure).toBe('not-found');
  });
});

describe('usernames', () => {
  it('are the sAMAccountName, with the userPrincipalName beside it where it differs', async () => {
    const { dn, spec } = await addPerson();
    await samba.asAdministrator((client) => client.modify(dn, new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'userPrincipalName', values: [`ewa.lis.${spec.username}@uni.example`] }),
    })));

    const [account] = await directory.findAccountsByMail(spec.mail);

    expect(account).toMatchObject({ username: spec.username, principalName: `ewa.lis.${spec.username}@uni.example` });
  });

  it('come with their kind (LDAP_KIND_ATTR): staff or student', async () => {
    const student = await addPerson({ kind: 'student' });
    const staff = await addPerson({ kind: 'staff' });

    await expect(directory.getAccount(student.dn)).resolves.toMatchObject({ kind: 'student' });
    await expect(directory.getAccount(staff.dn)).resolves.toMatchObject({ kind: 'staff' });
  });
});

describe('service accounts', () => {
  it('are found by their owner (manager), and only theirs', async () => {
    const owner = await addPerson();
    const other = await addPerson();
    const mine = await addService(owner.dn);
    await addService(other.dn);

    const found = await directory.findOwnedServiceAccounts([owner.dn]);

    expect(found.map((account) => account.username)).toEqual([mine.username]);
    expect(found[0]).toMatchObject({ dn: mine.dn, disabled: false });
  });

  it('are none when no owner DN is given, when the DN is filter syntax, or when no service base is configured', async () => {
    const owner = await addPerson();
    await addService(owner.dn);

    await expect(directory.findOwnedServiceAccounts([])).resolves.toEqual([]);
    await expect(directory.findOwnedServiceAccounts(['*'])).resolves.toEqual([]);
    await expect(directory.findOwnedServiceAccounts([`${owner.dn})(manager=*`])).resolves.toEqual([]);
    await expect(adDirectory({ serviceBaseDn: '' }).findOwnedServiceAccounts([owner.dn])).resolves.toEqual([]);
  });

  it('are never found by the people look-ups, even by their own mail', async () => {
    const owner = await addPerson();
    const username = unique('svc');
    await samba.addServiceAccount({ username, password: SERVICE_PASSWORD, ownerDns: [owner.dn], mail: `${username}@uni.example` });

    await expect(directory.findAccountsByMail(`${username}@uni.example`)).resolves.toEqual([]);
  });

  it('get a new password from their owner: it binds, the old one does not, nothing left "must change"', async () => {
    const owner = await addPerson();
    const service = await addService(owner.dn);

    await directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD);

    expect(await samba.canBind(service.dn, NEW_SERVICE_PASSWORD)).toBe(true);
    expect(await samba.canBind(service.dn, SERVICE_PASSWORD)).toBe(false);
    expect(await readAttribute(service.dn, 'pwdLastSet')).not.toBe('0');
  });

  it('refuse anyone else, including a payload replayed with another DN, and change nothing', async () => {
    const owner = await addPerson();
    const stranger = await addPerson();
    const service = await addService(owner.dn);

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [stranger.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    // The owner's own DN aimed at a person (outside the service base) or at the service account via a filter trick.
    expect((await refusal(directory.resetServiceAccountPassword(stranger.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    expect((await refusal(directory.resetServiceAccountPassword(service.dn, ['*'], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');

    expect(await samba.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);
    expect(await samba.canBind(stranger.dn, PASSWORD)).toBe(true);
  });

  it('checks the owner at the time of the write: a former owner is refused', async () => {
    const owner = await addPerson();
    const successor = await addPerson();
    const service = await addService(owner.dn);
    await samba.asAdministrator((client) => client.modify(service.dn, new Change({
      operation: 'replace', modification: new Attribute({ type: 'manager', values: [successor.dn] }),
    })));

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    expect(await samba.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);
  });

  it('refuse a disabled service account in words (account-disabled), which stays as it was', async () => {
    const owner = await addPerson();
    const service = await addService(owner.dn, { disabled: true });

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('account-disabled');
    expect(await readAttribute(service.dn, 'userAccountControl')).toBe('514');
  });

  it('report the domain policy refusing the new password', async () => {
    const owner = await addPerson();
    const service = await addService(owner.dn);

    const failure = await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], 'Ab1!x'));

    expect(failure).toMatchObject({ failure: 'policy', policyReasons: ['too-short'] });
    expect(failure.message).not.toContain('Ab1!x');
    expect(await samba.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);
  });
});

describe('an account that must change its password (data 773)', () => {
  it('changes it with the current password, which clears pwdLastSet=0', async () => {
    const { dn } = await addPerson();
    await directory.setTemporaryPassword(dn, 'Temporary-Cup-55');
    expect(await readAttribute(dn, 'pwdLastSet')).toBe('0');

    await directory.changePassword(dn, 'Temporary-Cup-55', NEW_PASSWORD);

    expect(await readAttribute(dn, 'pwdLastSet')).not.toBe('0');
    expect(await samba.canBind(dn, NEW_PASSWORD)).toBe(true);
  });

  it('refuses a wrong current password as invalid credentials, counts it, and stays must-change', async () => {
    const { dn } = await addPerson();
    await directory.setTemporaryPassword(dn, 'Temporary-Cup-55');

    expect((await refusal(directory.changePassword(dn, 'Wrong-Guess-11', NEW_PASSWORD))).failure).toBe('invalid-credentials');

    expect(await readAttribute(dn, 'pwdLastSet')).toBe('0');
    expect((await directory.lockoutStatus(dn)).failures).toBe(1);
  });
});
