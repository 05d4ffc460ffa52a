/**
 * A throwaway OpenLDAP server (Debian slapd 2.5) for tests: a slapd.conf in a temp dir, an mdb
 * database, the ppolicy overlay, LDAPS and StartTLS on free loopback ports. Starts in well under
 * a second; `stop()` kills it and removes the dir, and a watchdog kills it if the test process dies.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { promisify } from 'node:util';
import { Change, Attribute, Client, DN, InvalidCredentialsError, PasswordPolicyControl, PasswordPolicyError } from 'ldapts';
import { PASSWORD_MODIFY_OID, encodePasswordModifyRequest } from '../../src/directory/password-modify-request';
import { createTestCertificates } from './tls';
import type { TestAccountSpec, TestDirectoryServer, TestServiceAccountSpec } from './directory-server';
import { canBindWith } from './ldap-bind';

export const SUFFIX = 'dc=uni,dc=example';
export const PEOPLE_DN = `ou=people,${SUFFIX}`;
/** Service (impersonal) accounts, each with the DN of its owner in `owner` (LDAP_SERVICE_BASE_DN). */
export const SERVICE_ACCOUNTS_DN = `ou=service-accounts,${SUFFIX}`;
export const SERVICE_DN = `cn=passdesk,ou=services,${SUFFIX}`;
/** Groups live outside the people subtree (LDAP_BASE_DN), as in most directories. */
export const GROUPS_DN = `ou=groups,${SUFFIX}`;
/** ppolicy_default: min length 8, history 5, max age 1 year, must change after admin reset, lockout after 5 failures for 10 minutes. */
export const DEFAULT_POLICY_DN = `cn=default,ou=policies,${SUFFIX}`;
/** A policy with no expiry and no lockout (the service account has it, so wrong service binds never lock it). */
export const NO_EXPIRY_POLICY_DN = `cn=no-expiry,ou=policies,${SUFFIX}`;
/** The value ppolicy uses for "locked until an administrator unlocks": how a disabled account looks. */
export const DISABLED_LOCK_TIME = '000001010000Z';

export interface DefaultPolicy {
  minLength: number;
  inHistory: number;
  maxAgeSeconds: number;
  maxFailure: number;
  lockoutDurationSeconds: number;
}

export const DEFAULT_POLICY: DefaultPolicy = {
  minLength: 8,
  inHistory: 5,
  maxAgeSeconds: 365 * 24 * 3600,
  maxFailure: 5,
  lockoutDurationSeconds: 600,
};

export interface SlapdServer extends TestDirectoryServer {
  flavor: 'openldap';
  ldapsUrl: string;
  caFile: string;
  rootDn: string;
  rootPassword: string;
  serviceDn: string;
  servicePassword: string;
  peopleDn: string;
  serviceAccountsDn: string;
  defaultPolicyDn: string;
  noExpiryPolicyDn: string;
  /** Adds a ppolicy entry `cn=<name>` under ou=policies with these attributes; returns its DN. */
  addPolicy(name: string, attributes: Record<string, string>): Promise<string>;
  /** Gives `dn` its own policy (pwdPolicySubentry), as the root DN. */
  assignPolicy(dn: string, policyDn: string): Promise<void>;
  disable(dn: string): Promise<void>;
  /**
   * Adds a group under ou=groups as the root DN and returns its DN: groupOfNames (`member`) or,
   * with `unique`, groupOfUniqueNames (`uniqueMember`). Members may be accounts or other groups.
   */
  addGroup(cn: string, memberDns: string[], options?: { unique?: boolean }): Promise<string>;
  /** Adds one `member` to a groupOfNames, as the root DN. */
  addGroupMember(groupDn: string, memberDn: string): Promise<void>;
  /** Replaces one attribute of `dn` as the root DN. */
  modifyAsRoot(dn: string, attribute: string, values: string[]): Promise<void>;
  /** Reads attributes (operational ones too) of one entry as the root DN; values as strings. */
  readAsRoot(dn: string, attributes: string[]): Promise<Record<string, string[]>>;
  /** Kills slapd (every connection drops) and starts it again on the same ports with the same data. */
  restart(): Promise<void>;
  /** Stops the server process, keeping its data: the directory "goes away". */
  halt(): Promise<void>;
  /** Starts it again on the same ports with the same data, and waits until it answers. */
  resume(): Promise<void>;
  /** Stops slapd, loads an LDIF file with slapadd (operational attributes such as pwdChangedTime included), starts it again. */
  load(ldifFile: string): Promise<void>;
}

const run = promisify(execFile);
const MAX_START_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 5_000;

export interface SlapdOptions {
  /** An LDIF file of entries under ou=people, loaded with slapadd after the base (large directories). */
  peopleLdif?: string;
  /** The mdb map size in bytes (default 16 MiB). */
  mapSizeBytes?: number;
}

export async function startSlapd(options: SlapdOptions = {}): Promise<SlapdServer> {
  const dir = mkdtempSync(join(tmpdir(), 'passdesk-slapd-'));
  try {
    const certificates = createTestCertificates(dir);
    const rootPassword = randomBytes(12).toString('hex');
    const servicePassword = randomBytes(12).toString('hex');
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_START_ATTEMPTS; attempt += 1) {
      // Ports are picked free, then handed to slapd: another process may grab one in between.
      const [ldapsPort, ldapPort] = await freePorts(2);
      writeFileSync(join(dir, 'slapd.conf'), slapdConf(dir, certificates, rootPassword, options.mapSizeBytes));
      rmSync(join(dir, 'data'), { recursive: true, force: true });
      mkdirSync(join(dir, 'data'));
      const slapd = launch(dir, ldapsPort, ldapPort);
      try {
        await waitUntilAnswering(slapd, ldapsPort, certificates.caFile);
      } catch (error) {
        lastError = error;
        await slapd.kill();
        continue;
      }
      const server = new RunningSlapd(dir, slapd, {
        ldapsUrl: `ldaps://127.0.0.1:${ldapsPort}`,
        startTlsUrl: `ldap://127.0.0.1:${ldapPort}`,
        caFile: certificates.caFile,
        rootPassword,
        servicePassword,
      });
      try {
        await server.seedBase();
        if (options.peopleLdif) await server.load(options.peopleLdif);
      } catch (error) {
        await server.stop();
        throw error;
      }
      return server;
    }
    throw new Error(`slapd did not start after ${MAX_START_ATTEMPTS} attempts: ${String(lastError)}`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

interface RunningSlapdSettings {
  ldapsUrl: string;
  startTlsUrl: string;
  caFile: string;
  rootPassword: string;
  servicePassword: string;
}

class RunningSlapd implements SlapdServer {
  readonly flavor = 'openldap' as const;
  readonly ldapsUrl: string;
  readonly startTlsUrl: string;
  readonly caFile: string;
  readonly rootDn = `cn=admin,${SUFFIX}`;
  readonly rootPassword: string;
  readonly serviceDn = SERVICE_DN;
  readonly servicePassword: string;
  readonly peopleDn = PEOPLE_DN;
  readonly serviceAccountsDn = SERVICE_ACCOUNTS_DN;
  readonly defaultPolicyDn = DEFAULT_POLICY_DN;
  readonly noExpiryPolicyDn = NO_EXPIRY_POLICY_DN;
  readonly env: Record<string, string>;
  private readonly ca: Buffer;
  private stopped = false;

  constructor(private readonly dir: string, private slapd: SlapdProcess, settings: RunningSlapdSettings) {
    this.ldapsUrl = settings.ldapsUrl;
    this.startTlsUrl = settings.startTlsUrl;
    this.caFile = settings.caFile;
    this.rootPassword = settings.rootPassword;
    this.servicePassword = settings.servicePassword;
    this.ca = readFileSync(settings.caFile);
    this.env = {
      LDAP_URL: this.ldapsUrl,
      LDAP_CA_FILE: this.caFile,
      LDAP_BIND_DN: this.serviceDn,
      LDAP_BIND_PASSWORD: this.servicePassword,
      LDAP_BASE_DN: this.peopleDn,
      LDAP_FLAVOR: 'openldap',
      LDAP_LINK_ATTR: 'employeeNumber',
      LDAP_PHONE_ATTR: 'mobile',
      LDAP_MAIL_ATTR: 'mail',
      LDAP_PPOLICY_DN: this.defaultPolicyDn,
      LDAP_SERVICE_BASE_DN: SERVICE_ACCOUNTS_DN,
      LDAP_KIND_ATTR: 'employeeType',
    };
  }

  async seedBase(): Promise<void> {
    const policy = DEFAULT_POLICY;
    await this.asRoot(async (client) => {
      await client.add(SUFFIX, { objectClass: ['dcObject', 'organization'], dc: 'uni', o: 'Test University' });
      for (const ou of ['people', 'services', 'policies', 'groups', 'service-accounts']) {
        await client.add(`ou=${ou},${SUFFIX}`, { objectClass: 'organizationalUnit', ou });
      }
      await client.add(DEFAULT_POLICY_DN, {
        objectClass: ['organizationalRole', 'pwdPolicy'],
        cn: 'default',
        pwdAttribute: 'userPassword',
        pwdMinLength: String(policy.minLength),
        pwdInHistory: String(policy.inHistory),
        pwdMaxAge: String(policy.maxAgeSeconds),
        pwdCheckQuality: '1',
        pwdMustChange: 'TRUE',
        pwdAllowUserChange: 'TRUE',
        pwdMinAge: '0',
        pwdLockout: 'TRUE',
        pwdMaxFailure: String(policy.maxFailure),
        pwdLockoutDuration: String(policy.lockoutDurationSeconds),
      });
      await client.add(NO_EXPIRY_POLICY_DN, {
        objectClass: ['organizationalRole', 'pwdPolicy'],
        cn: 'no-expiry',
        pwdAttribute: 'userPassword',
      });
      await client.add(SERVICE_DN, {
        objectClass: ['applicationProcess', 'simpleSecurityObject'],
        cn: 'passdesk',
        userPassword: this.servicePassword,
        pwdPolicySubentry: NO_EXPIRY_POLICY_DN,
      });
    });
  }

  async addAccount(spec: TestAccountSpec): Promise<string> {
    const dn = `${new DN({ uid: spec.username }).toString()},${this.peopleDn}`;
    const attributes: Record<string, string | string[]> = {
      objectClass: 'inetOrgPerson',
      uid: spec.username,
      cn: `${spec.givenName} ${spec.sn}`,
      sn: spec.sn,
      givenName: spec.givenName,
      mail: spec.mail,
      userPassword: spec.password,
    };
    if (spec.phone !== undefined) attributes.mobile = spec.phone;
    if (spec.linkValue !== undefined) attributes.employeeNumber = spec.linkValue;
    if (spec.kind !== undefined) attributes.employeeType = spec.kind;
    await this.asRoot((client) => client.add(dn, attributes));
    if (spec.disabled) await this.disable(dn);
    return dn;
  }

  /**
   * An impersonal account under ou=service-accounts (`account` + `simpleSecurityObject`;
   * `extensibleObject` allows `owner`, which no standard account class lists).
   */
  async addServiceAccount(spec: TestServiceAccountSpec): Promise<string> {
    const dn = `${new DN({ uid: spec.username }).toString()},${SERVICE_ACCOUNTS_DN}`;
    const attributes: Record<string, string | string[]> = {
      objectClass: ['account', 'simpleSecurityObject', 'extensibleObject'],
      uid: spec.username,
      userPassword: spec.password,
      owner: spec.ownerDns,
    };
    if (spec.mail !== undefined) attributes.mail = spec.mail;
    await this.asRoot((client) => client.add(dn, attributes));
    if (spec.disabled) await this.disable(dn);
    return dn;
  }

  /** Disables an account the way an administrator does with ppolicy (a permanent lock). */
  async disable(dn: string): Promise<void> {
    await this.asRoot((client) => client.modify(dn, new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'pwdAccountLockedTime', values: [DISABLED_LOCK_TIME] }),
    })));
  }

  async addGroup(cn: string, memberDns: string[], options: { unique?: boolean } = {}): Promise<string> {
    const dn = `${new DN({ cn }).toString()},${GROUPS_DN}`;
    const attributes: Record<string, string | string[]> = options.unique
      ? { objectClass: 'groupOfUniqueNames', cn, uniqueMember: memberDns }
      : { objectClass: 'groupOfNames', cn, member: memberDns };
    await this.asRoot((client) => client.add(dn, attributes));
    return dn;
  }

  async addGroupMember(groupDn: string, memberDn: string): Promise<void> {
    await this.asRoot((client) => client.modify(groupDn, new Change({
      operation: 'add',
      modification: new Attribute({ type: 'member', values: [memberDn] }),
    })));
  }

  async modifyAsRoot(dn: string, attribute: string, values: string[]): Promise<void> {
    await this.asRoot((client) => client.modify(dn, new Change({
      operation: 'replace', modification: new Attribute({ type: attribute, values }),
    })));
  }

  async addPolicy(name: string, attributes: Record<string, string>): Promise<string> {
    const dn = `${new DN({ cn: name }).toString()},ou=policies,${SUFFIX}`;
    await this.asRoot((client) => client.add(dn, {
      objectClass: ['organizationalRole', 'pwdPolicy'], cn: name, pwdAttribute: 'userPassword', ...attributes,
    }));
    return dn;
  }

  async assignPolicy(dn: string, policyDn: string): Promise<void> {
    await this.asRoot((client) => client.modify(dn, new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'pwdPolicySubentry', values: [policyDn] }),
    })));
  }

  async readAsRoot(dn: string, attributes: string[]): Promise<Record<string, string[]>> {
    return this.asRoot(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes });
      const entry = searchEntries[0];
      const result: Record<string, string[]> = {};
      if (!entry) return result;
      for (const [name, value] of Object.entries(entry)) {
        if (name === 'dn') continue;
        const values: (string | Buffer)[] = Array.isArray(value) ? [...value] : [value];
        if (values.length > 0) result[name] = values.map((item) => item.toString()); // ldapts gives a missing attribute as []
      }
      return result;
    });
  }

  canBind(dn: string, password: string): Promise<boolean> {
    return canBindWith(this.client(), dn, password);
  }

  async restart(): Promise<void> {
    await this.halt();
    await this.resume();
  }

  async load(ldifFile: string): Promise<void> {
    await this.halt();
    // -q: quick mode (fewer checks, much faster on big files).
    await run('/usr/sbin/slapadd', ['-q', '-f', join(this.dir, 'slapd.conf'), '-l', ldifFile], { maxBuffer: 16 * 1024 * 1024 });
    await this.resume();
  }

  async halt(): Promise<void> {
    await this.slapd.kill();
  }

  async resume(): Promise<void> {
    if (this.slapd.running) return;
    const port = (url: string) => Number(new URL(url).port);
    this.slapd = launch(this.dir, port(this.ldapsUrl), port(this.startTlsUrl));
    await waitUntilAnswering(this.slapd, port(this.ldapsUrl), this.caFile);
  }

  async loginState(dn: string, password: string): Promise<'ok' | 'must-change' | 'refused'> {
    const client = this.client();
    const control = new PasswordPolicyControl();
    try {
      await client.bind(dn, password, control);
      return control.value?.error === PasswordPolicyError.ChangeAfterReset ? 'must-change' : 'ok';
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return 'refused';
      throw error;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  async changeOwnPassword(dn: string, oldPassword: string, newPassword: string): Promise<void> {
    const client = this.client();
    try {
      await client.bind(dn, oldPassword);
      await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest({ oldPassword, newPassword }));
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.slapd.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private client(): Client {
    return new Client({ url: this.ldapsUrl, tlsOptions: { ca: this.ca }, timeout: 5_000, connectTimeout: 5_000 });
  }

  private async asRoot<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = this.client();
    try {
      await client.bind(this.rootDn, this.rootPassword);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}

function slapdConf(
  dir: string,
  certificates: { certFile: string; keyFile: string; caFile: string },
  rootPassword: string,
  mapSizeBytes = 16 * 1024 * 1024,
): string {
  const service = `dn.exact="${SERVICE_DN}"`;
  return `
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb.so
moduleload ppolicy.so
pidfile ${join(dir, 'slapd.pid')}
TLSCACertificateFile ${certificates.caFile}
TLSCertificateFile ${certificates.certFile}
TLSCertificateKeyFile ${certificates.keyFile}

database mdb
maxsize ${mapSizeBytes}
suffix "${SUFFIX}"
rootdn "cn=admin,${SUFFIX}"
rootpw ${rootPassword}
directory ${join(dir, 'data')}
index objectClass,mail,uid,employeeNumber,member,uniqueMember,owner eq
# The expiry-reminder sweep reads every due account in pages: no cap on a paged search's total.
limits dn.exact="${SERVICE_DN}" size.prtotal=unlimited

overlay ppolicy
ppolicy_default "${DEFAULT_POLICY_DN}"
ppolicy_hash_cleartext
ppolicy_use_lockout

# Passwords: people change their own, the service account sets people's, nobody reads the hashes.
access to dn.subtree="${PEOPLE_DN}" attrs=userPassword
  by self =wx
  by ${service} =wx
  by anonymous auth
  by * none
access to dn.subtree="${SERVICE_ACCOUNTS_DN}" attrs=userPassword
  by self =wx
  by ${service} =wx
  by anonymous auth
  by * none
access to attrs=userPassword
  by self =wx
  by anonymous auth
  by * none
access to dn.subtree="${PEOPLE_DN}" attrs=pwdReset
  by ${service} write
  by * none
# The help desk unlocks accounts locked after failed logins.
access to dn.subtree="${PEOPLE_DN}" attrs=pwdAccountLockedTime
  by ${service} write
  by * none
access to dn.subtree="${SERVICE_ACCOUNTS_DN}" attrs=pwdReset
  by ${service} write
  by * none
access to dn.subtree="${PEOPLE_DN}"
  by ${service} read
  by self read
  by * none
access to dn.subtree="${SERVICE_ACCOUNTS_DN}"
  by ${service} read
  by self read
  by * none
access to dn.subtree="ou=policies,${SUFFIX}"
  by ${service} read
  by * none
# The help desk reads group membership (protected groups), searching for nested groups from the top.
access to dn.subtree="${GROUPS_DN}"
  by ${service} read
  by * none
access to dn.base="${SUFFIX}"
  by ${service} search
  by * none
access to dn.subtree="ou=services,${SUFFIX}"
  by self read
  by * none
access to * by * none
`;
}

/**
 * slapd plus a watchdog shell that kills it and removes its dir when our end of the watchdog's
 * stdin closes, which also happens when this process is killed outright.
 */
class SlapdProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;
  private hasExited = false;
  private readonly killOnExit = () => {
    this.slapd.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  };

  constructor(private readonly slapd: ChildProcess, private readonly watchdog: ChildProcess, private readonly dir: string) {
    this.exited = new Promise((resolve) => {
      slapd.once('exit', () => {
        this.hasExited = true;
        resolve();
      });
    });
    slapd.stderr?.on('data', (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 50) this.output.shift();
    });
    // Neither child keeps the test process alive; the watchdog and the exit hook clean up.
    slapd.unref();
    watchdog.unref();
    for (const stream of [slapd.stderr, watchdog.stdin]) (stream as Socket | null)?.unref();
    process.once('exit', this.killOnExit);
  }

  get running(): boolean {
    return !this.hasExited;
  }

  get recentOutput(): string {
    return this.output.join('').trim().slice(-2000);
  }

  async kill(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    // Keep this process alive until slapd is gone: an unref'd child's exit would not be waited for.
    this.slapd.ref();
    if (!this.hasExited) this.slapd.kill('SIGKILL');
    await this.exited;
    this.watchdog.kill('SIGKILL');
  }
}

function launch(dir: string, ldapsPort: number, ldapPort: number): SlapdProcess {
  const slapd = spawn('/usr/sbin/slapd', [
    '-f', join(dir, 'slapd.conf'),
    '-h', `ldaps://127.0.0.1:${ldapsPort}/ ldap://127.0.0.1:${ldapPort}/`,
    '-d', '0', // debug level 0: stay in the foreground (our child) and log nothing routine
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = slapd.pid;
  if (pid === undefined) throw new Error('slapd could not be spawned');
  const watchdog = spawn('/bin/sh', ['-c', 'read _ignored; kill -9 "$1" 2>/dev/null; sleep 0.2; rm -rf "$2"',
    'slapd-watchdog', String(pid), dir], { stdio: ['pipe', 'ignore', 'ignore'] });
  return new SlapdProcess(slapd, watchdog, dir);
}

async function waitUntilAnswering(slapd: SlapdProcess, port: number, caFile: string): Promise<void> {
  const ca = readFileSync(caFile);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!slapd.running) throw new Error(`slapd exited: ${slapd.recentOutput}`);
    if (await tlsHandshakeSucceeds(port, ca)) return;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`slapd did not answer on port ${port} within ${READY_TIMEOUT_MS} ms: ${slapd.recentOutput}`);
}

function tlsHandshakeSucceeds(port: number, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
