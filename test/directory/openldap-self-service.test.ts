/**
 * The OpenLDAP side of the self-service menu, on a real slapd with ppolicy: lockout thresholds
 * from the account's policy, service accounts found and reset only by their owner, and a
 * must-change account (pwdReset) changing its own password.
 */
import type { Clock } from '../../src/clock/clock';
import { DirectoryError } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import type { TestAccountSpec } from '../harness/directory-server';
import { DEFAULT_POLICY, startSlapd, type SlapdServer } from '../harness/slapd';

const SERVICE_PASSWORD = 'Service-Lantern-Road-2024-73?';
const NEW_SERVICE_PASSWORD = 'Service-Kettle-Drum-2025-48!';

let server: SlapdServer;
let directory: OpenLdapDirectory;

interface Options {
  defaultPolicyDn?: string;
  serviceBaseDn?: string;
  clock?: Clock;
}

function openLdapDirectory(options: Options = {}): OpenLdapDirectory {
  const env = server.env;
  const connector = new LdapConnector({
    url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
    bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000,
  });
  const serviceBaseDn = 'serviceBaseDn' in options ? options.serviceBaseDn : env.LDAP_SERVICE_BASE_DN;
  return new OpenLdapDirectory({
    connector,
    baseDn: env.LDAP_BASE_DN!,
    mailAttr: env.LDAP_MAIL_ATTR!,
    phoneAttr: env.LDAP_PHONE_ATTR!,
    linkAttr: env.LDAP_LINK_ATTR,
    kindAttr: env.LDAP_KIND_ATTR,
    defaultPolicyDn: 'defaultPolicyDn' in options ? options.defaultPolicyDn : env.LDAP_PPOLICY_DN,
    serviceAccounts: serviceBaseDn ? { baseDn: serviceBaseDn, ownerAttr: 'owner' } : undefined,
    clock: options.clock,
  });
}

let counter = 0;
async function addPerson(overrides: Partial<TestAccountSpec> = {}): Promise<TestAccountSpec & { dn: string }> {
  counter += 1;
  const spec: TestAccountSpec = {
    username: `person${counter}`, mail: `person${counter}@uni.example`, password: `Initial-Pass-${counter}!`,
    givenName: 'Ewa', sn: `Lis${counter}`, phone: '+48600999000', ...overrides,
  };
  return { ...spec, dn: await server.addAccount(spec) };
}

async function addService(ownerDns: string[], overrides: { disabled?: boolean; mail?: string } = {}): Promise<{ dn: string; username: string }> {
  counter += 1;
  const username = `service${counter}`;
  return { dn: await server.addServiceAccount({ username, password: SERVICE_PASSWORD, ownerDns, ...overrides }), username };
}

async function refusal(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryError);
  return error as DirectoryError;
}

beforeAll(async () => {
  server = await startSlapd();
  directory = openLdapDirectory();
});

afterAll(async () => {
  await server?.stop();
});

describe('lockout threshold', () => {
  it('is pwdMaxFailure of the default policy, with the failures slapd has counted (pwdFailureTime)', async () => {
    const person = await addPerson();
    await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: DEFAULT_POLICY.maxFailure, failures: 0 });

    await server.canBind(person.dn, 'Wrong-Guess-1!');
    await server.canBind(person.dn, 'Wrong-Guess-2!');

    await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: DEFAULT_POLICY.maxFailure, failures: 2 });
  });

  it("is the account's own policy (pwdPolicySubentry) where it has one", async () => {
    const person = await addPerson();
    const policyDn = await server.addPolicy(`strict${counter}`, { pwdLockout: 'TRUE', pwdMaxFailure: '3' });
    await server.assignPolicy(person.dn, policyDn);

    await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: 3, failures: 0 });
  });

  it('is "never" under a policy without pwdLockout', async () => {
    const person = await addPerson();
    await server.assignPolicy(person.dn, server.noExpiryPolicyDn);

    await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: 'never', failures: 0 });
  });

  it('is "unknown" when the policy that applies cannot be read (no LDAP_PPOLICY_DN)', async () => {
    const person = await addPerson();

    const status = await openLdapDirectory({ defaultPolicyDn: undefined }).lockoutStatus(person.dn);

    expect(status.threshold).toBe('unknown');
  });

  it('no longer counts failures older than pwdFailureCountInterval', async () => {
    const person = await addPerson();
    const policyDn = await server.addPolicy(`window${counter}`, { pwdLockout: 'TRUE', pwdMaxFailure: '4', pwdFailureCountInterval: '60' });
    await server.assignPolicy(person.dn, policyDn);
    await server.canBind(person.dn, 'Wrong-Guess-1!');

    const later: Clock = { now: () => new Date(Date.now() + 120_000) };

    await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: 4, failures: 1 });
    await expect(openLdapDirectory({ clock: later }).lockoutStatus(person.dn)).resolves.toEqual({ threshold: 4, failures: 0 });
  });

  it('answers not-found for an account that does not exist or lies outside the base DN', async () => {
    expect((await refusal(directory.lockoutStatus(`uid=ghost,${server.peopleDn}`))).failure).toBe('not-found');
    expect((await refusal(directory.lockoutStatus(server.serviceDn))).failure).toBe('not-found');
  });
});

describe('the kind of account (LDAP_KIND_ATTR)', () => {
  it('is student for a value naming students, staff for any other value, and absent without one', async () => {
    const student = await addPerson({ kind: 'student' });
    const staff = await addPerson({ kind: 'staff' });
    const unknown = await addPerson();

    await expect(directory.getAccount(student.dn)).resolves.toMatchObject({ kind: 'student' });
    await expect(directory.getAccount(staff.dn)).resolves.toMatchObject({ kind: 'staff' });
    expect((await directory.getAccount(unknown.dn))?.kind).toBeUndefined();
  });
});

describe('service accounts', () => {
  it('are found by any of their owners, and only theirs', async () => {
    const staff = await addPerson();
    const student = await addPerson();
    const other = await addPerson();
    const byStaff = await addService([staff.dn]);
    const byStudent = await addService([student.dn, other.dn]);
    await addService([other.dn]);

    const found = await directory.findOwnedServiceAccounts([staff.dn, student.dn]);

    expect(found.map((account) => account.username).sort()).toEqual([byStaff.username, byStudent.username].sort());
  });

  it('are none without owners, for filter syntax, or when no service base is configured', async () => {
    const owner = await addPerson();
    await addService([owner.dn]);

    await expect(directory.findOwnedServiceAccounts([])).resolves.toEqual([]);
    await expect(directory.findOwnedServiceAccounts(['*'])).resolves.toEqual([]);
    await expect(directory.findOwnedServiceAccounts([`${owner.dn})(owner=*`])).resolves.toEqual([]);
    await expect(openLdapDirectory({ serviceBaseDn: undefined }).findOwnedServiceAccounts([owner.dn])).resolves.toEqual([]);
  });

  it('are never found by the people look-ups, even by their own mail', async () => {
    const owner = await addPerson();
    const service = await addService([owner.dn], { mail: `shared-inbox${counter}@uni.example` });

    await expect(directory.findAccountsByMail(`shared-inbox${counter}@uni.example`)).resolves.toEqual([]);
    await expect(directory.findAccountsByUsername(service.username)).resolves.toEqual([]);
  });

  it('get a new password from their owner: it binds, the old one does not, stored hashed, not "must change"', async () => {
    const owner = await addPerson();
    const service = await addService([owner.dn]);

    await directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD);

    expect(await server.canBind(service.dn, NEW_SERVICE_PASSWORD)).toBe(true);
    expect(await server.canBind(service.dn, SERVICE_PASSWORD)).toBe(false);
    const stored = await server.readAsRoot(service.dn, ['userPassword', 'pwdReset']);
    expect(stored.userPassword?.[0]).toMatch(/^\{SSHA\}/);
    expect(stored.pwdReset).toBeUndefined();
  });

  it('refuse anyone else, including a payload replayed with another DN, and change nothing', async () => {
    const owner = await addPerson();
    const stranger = await addPerson();
    const service = await addService([owner.dn]);

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [stranger.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    expect((await refusal(directory.resetServiceAccountPassword(stranger.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    expect((await refusal(directory.resetServiceAccountPassword(service.dn, ['*'], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');

    expect(await server.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);
    expect(await server.canBind(stranger.dn, stranger.password)).toBe(true);
  });

  it('checks the owner at the time of the write: a former owner is refused', async () => {
    const owner = await addPerson();
    const service = await addService([owner.dn]);
    const found = await directory.findOwnedServiceAccounts([owner.dn]);
    expect(found.map((account) => account.dn)).toEqual([service.dn]);
    await server.modifyAsRoot(service.dn, 'owner', [`uid=successor,${server.peopleDn}`]);

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('not-found');
    expect(await server.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);
  });

  it('refuse a disabled service account in words (account-disabled), which stays disabled', async () => {
    const owner = await addPerson();
    const service = await addService([owner.dn], { disabled: true });

    expect((await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_SERVICE_PASSWORD))).failure).toBe('account-disabled');
    expect((await server.readAsRoot(service.dn, ['pwdAccountLockedTime'])).pwdAccountLockedTime).toEqual(['000001010000Z']);
  });

  it("report the server's policy refusing the new password", async () => {
    const owner = await addPerson();
    const service = await addService([owner.dn]);

    const failure = await refusal(directory.resetServiceAccountPassword(service.dn, [owner.dn], 'Ab1!x'));

    expect(failure).toMatchObject({ failure: 'policy', policyReasons: ['too-short'] });
    expect(failure.message).not.toContain('Ab1!x');
  });
});

describe('an account that must change its password (pwdReset)', () => {
  it('changes it with the current password, which clears pwdReset', async () => {
    const person = await addPerson();
    await directory.setTemporaryPassword(person.dn, 'Temporary-Pass-9!');
    expect((await server.readAsRoot(person.dn, ['pwdReset'])).pwdReset).toEqual(['TRUE']);

    await directory.changePassword(person.dn, 'Temporary-Pass-9!', 'Own-Password-9!');

    expect((await server.readAsRoot(person.dn, ['pwdReset'])).pwdReset).toBeUndefined();
    expect(await server.canBind(person.dn, 'Own-Password-9!')).toBe(true);
  });

  it('refuses a wrong current password as invalid credentials, counted by slapd, and stays must-change', async () => {
    const person = await addPerson();
    await directory.setTemporaryPassword(person.dn, 'Temporary-Pass-9!');

    expect((await refusal(directory.changePassword(person.dn, 'Wrong-Guess-9!', 'Own-Password-9!'))).failure).toBe('invalid-credentials');

    expect((await server.readAsRoot(person.dn, ['pwdReset'])).pwdReset).toEqual(['TRUE']);
    expect((await directory.lockoutStatus(person.dn)).failures).toBe(1);
  });
});
