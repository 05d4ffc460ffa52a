/**
 * Directory resilience on a real slapd: several servers in LDAP_URL, pooled service-account
 * connections, and what happens when connections die. Connections are watched and broken from the
 * outside through a TCP relay (test/harness/tcp-proxy.ts), never by reaching into the adapter.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DirectoryError, type DirectoryFailure } from '../../src/directory/directory';
import { LdapConnector, type LdapConnectionSettings } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import type { TestAccountSpec } from '../harness/directory-server';
import { type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type BlackHole, type TcpProxy, closedPort, startBlackHole, startTcpProxy } from '../harness/tcp-proxy';

let server: SlapdServer;
let people: SeededPeople;
const opened: OpenLdapDirectory[] = [];
const relays: Array<TcpProxy | BlackHole> = [];

function directoryAt(url: string, settings: Partial<LdapConnectionSettings> = {}): OpenLdapDirectory {
  const env = server.env;
  const directory = new OpenLdapDirectory({
    connector: new LdapConnector({
      url, caFile: env.LDAP_CA_FILE, insecure: false,
      bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000, ...settings,
    }),
    baseDn: env.LDAP_BASE_DN!, mailAttr: 'mail', phoneAttr: 'mobile', linkAttr: env.LDAP_LINK_ATTR,
    defaultPolicyDn: env.LDAP_PPOLICY_DN,
  });
  opened.push(directory);
  return directory;
}

async function relay(): Promise<TcpProxy> {
  const proxy = await startTcpProxy(Number(new URL(server.ldapsUrl).port));
  relays.push(proxy);
  return proxy;
}

/** Waits (bounded) for something the relay sees asynchronously, such as a closed connection. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('condition not met within 5 s');
    await sleep(10);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<DirectoryFailure | 'succeeded'> {
  return promise.then(() => 'succeeded' as const, (error: unknown) => {
    if (error instanceof DirectoryError) return error.failure;
    throw error;
  });
}

let counter = 0;
async function addPerson(): Promise<TestAccountSpec & { dn: string }> {
  counter += 1;
  const spec: TestAccountSpec = {
    username: `resilient${counter}`, mail: `resilient${counter}@uni.example`, password: `Initial-Pass-${counter}!`,
    givenName: 'Rita', sn: `Resilient${counter}`,
  };
  return { ...spec, dn: await server.addAccount(spec) };
}

beforeAll(async () => {
  server = await startSlapd();
  people = await seedPeople(server);
});

afterAll(async () => {
  await Promise.all(opened.map((directory) => directory.close()));
  await Promise.all(relays.map((each) => each.close()));
  await server?.stop();
});

describe('several servers in LDAP_URL', () => {
  it('falls over from a first server that refuses connections to the second, for every kind of operation', async () => {
    const person = await addPerson();
    const directory = directoryAt(`ldaps://127.0.0.1:${await closedPort()} ${server.ldapsUrl}`);

    const accounts = await directory.findAccountsByMail(people.staff.mail);
    await expect(directory.verifyPassword(person.dn, person.password)).resolves.toBe(true);
    await directory.resetPassword(person.dn, 'Fell-Over-Pass-1!');

    expect(accounts.map((account) => account.dn)).toEqual([people.staff.dn, people.student.dn]);
    expect(await server.canBind(person.dn, 'Fell-Over-Pass-1!')).toBe(true);
  });

  it('gives up on a first server that never answers after the connect timeout, then tries it after the others', async () => {
    const hole = await startBlackHole();
    relays.push(hole);
    const directory = directoryAt(`ldaps://127.0.0.1:${hole.port} ${server.ldapsUrl}`, { connectTimeoutMs: 300 });

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    expect(hole.accepted).toBe(1);

    // A person's bind opens a connection of its own: the silent server is no longer tried first.
    await expect(directory.verifyPassword(people.noPhone.dn, people.noPhone.password)).resolves.toBe(true);
    expect(hole.accepted).toBe(1);
  });

  it('falls over between StartTLS servers too', async () => {
    const directory = directoryAt(`ldap://127.0.0.1:${await closedPort()} ${server.startTlsUrl}`);

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    await expect(directory.verifyPassword(people.noPhone.dn, people.noPhone.password)).resolves.toBe(true);
  });

  it('gives up on a StartTLS server that accepts connections but never answers, after the connect timeout', async () => {
    const hole = await startBlackHole();
    relays.push(hole);
    const directory = directoryAt(`ldap://127.0.0.1:${hole.port} ${server.startTlsUrl}`, { connectTimeoutMs: 300 });

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    expect(hole.accepted).toBe(1);
  });

  it('fails with unavailable, naming each server tried, when none answers', async () => {
    const [first, second] = [await closedPort(), await closedPort()];
    const directory = directoryAt(`ldaps://127.0.0.1:${first} ldaps://127.0.0.1:${second}`);

    const error = await directory.findAccountsByMail(people.staff.mail).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ failure: 'unavailable' });
    expect((error as Error).message).toContain(`127.0.0.1:${first}`);
    expect((error as Error).message).toContain(`127.0.0.1:${second}`);
    expect((error as Error).message).not.toContain(server.servicePassword);
  });
});

describe('pooled service-account connections', () => {
  it('reuse one connection for successive operations; a person\'s bind has its own, closed afterwards', async () => {
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`);

    for (let round = 0; round < 5; round += 1) await directory.findAccountsByMail(people.staff.mail);
    await directory.getAccount(people.noPhone.dn);
    expect(proxy.accepted).toBe(1);

    await expect(directory.verifyPassword(people.noPhone.dn, people.noPhone.password)).resolves.toBe(true);
    await expect(directory.verifyPassword(people.noPhone.dn, 'Not-Her-Password-1!')).resolves.toBe(false);
    expect(proxy.accepted).toBe(3);
    await until(() => proxy.open === 1);
  });

  it('open no more connections than the pool size, however many operations run at once', async () => {
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`, { poolSize: 2 });

    const results = await Promise.all(Array.from({ length: 8 }, () => directory.findAccountsByMail(people.staff.mail)));

    for (const accounts of results) expect(accounts).toHaveLength(2);
    expect(proxy.accepted).toBeLessThanOrEqual(2);
  });

  it('replace a pooled connection the network killed: the next operation works on a new one', async () => {
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`);
    await directory.findAccountsByMail(people.staff.mail);

    proxy.killAll();
    await until(() => proxy.open === 0);

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    expect(proxy.accepted).toBe(2);
  });

  it('retry a read once on a new connection when the pooled one dies with the request in flight', async () => {
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`);
    await directory.findAccountsByMail(people.staff.mail);

    proxy.loseNextRequest();

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    expect(proxy.accepted).toBe(2);
  });

  it('never repeat a write whose connection died in flight: it fails as unavailable, and the next one works', async () => {
    const person = await addPerson();
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`);
    await directory.getAccount(person.dn);

    proxy.loseNextRequest();

    await expect(failureOf(directory.resetPassword(person.dn, 'Lost-In-Flight-1!'))).resolves.toBe('unavailable');
    expect(await server.canBind(person.dn, person.password)).toBe(true);
    await directory.resetPassword(person.dn, 'Second-Attempt-1!');
    expect(await server.canBind(person.dn, 'Second-Attempt-1!')).toBe(true);
  });

  it('close when the directory is closed, after which nothing runs', async () => {
    const proxy = await relay();
    const directory = directoryAt(`ldaps://127.0.0.1:${proxy.port}`);
    await directory.findAccountsByMail(people.staff.mail);

    await directory.close();

    await until(() => proxy.open === 0);
    await expect(failureOf(directory.findAccountsByMail(people.staff.mail))).resolves.toBe('unavailable');
  });
});

// Last: restarts the shared server.
describe('when slapd is stopped and started again on the same port', () => {
  it('replaces the dead pooled connections: the next read and write work', async () => {
    const person = await addPerson();
    const directory = directoryAt(server.ldapsUrl);
    await directory.findAccountsByMail(people.staff.mail);

    await server.restart();

    await expect(directory.findAccountsByMail(people.staff.mail)).resolves.toHaveLength(2);
    await directory.resetPassword(person.dn, 'After-Restart-Pass-1!');
    expect(await server.canBind(person.dn, 'After-Restart-Pass-1!')).toBe(true);
  });
});
