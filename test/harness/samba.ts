/**
 * The Active Directory test directory: a real Samba AD DC on 127.0.0.1 (LDAPS 636, StartTLS 389).
 *
 * Samba's ports are fixed, so a jest run has one DC, started by samba-global-setup.ts; a test file
 * gets it with `await connectSamba()` (in beforeAll, with a generous timeout: the first run on a
 * machine provisions the domain) and uses unique usernames. `startSamba()` starts a private one
 * outside jest's global setup (scripts); its `stop()` stops it.
 */
import { readFileSync } from 'node:fs';
import { Attribute, Change, Client, DN, InvalidCredentialsError } from 'ldapts';
import type { TestAccountSpec, TestDirectoryServer, TestServiceAccountSpec } from './directory-server';
import { type SambaFacts, launchSamba } from './samba-process';
import { waitForSambaState } from './samba-state';
import { SAMBA_DOMAIN } from './samba-template';
import { canBindWith } from './ldap-bind';

/** userAccountControl: NORMAL_ACCOUNT, and NORMAL_ACCOUNT | ACCOUNTDISABLE. */
const UAC_ENABLED = '512';
const UAC_DISABLED = '514';

export class SambaServer implements TestDirectoryServer {
  readonly flavor = 'ad' as const;
  readonly env: Record<string, string>;
  readonly startTlsUrl: string;
  private readonly ca: Buffer;

  constructor(readonly facts: SambaFacts, private readonly stopServer: () => Promise<void> = async () => undefined) {
    this.ca = readFileSync(facts.caFile);
    this.startTlsUrl = facts.startTlsUrl;
    this.env = {
      LDAP_URL: facts.ldapsUrl,
      LDAP_CA_FILE: facts.caFile,
      LDAP_BIND_DN: facts.serviceDn,
      LDAP_BIND_PASSWORD: facts.servicePassword,
      LDAP_BASE_DN: facts.peopleDn,
      LDAP_FLAVOR: 'ad',
      LDAP_LINK_ATTR: 'employeeID',
      LDAP_PHONE_ATTR: 'mobile',
      LDAP_MAIL_ATTR: 'mail',
      LDAP_SERVICE_BASE_DN: SAMBA_DOMAIN.serviceAccountsDn,
      LDAP_KIND_ATTR: 'employeeType',
    };
  }

  /** Adds an enabled (or disabled) user under OU=People as the domain administrator. */
  async addAccount(spec: TestAccountSpec): Promise<string> {
    const dn = `${new DN({ CN: spec.username }).toString()},${this.facts.peopleDn}`;
    const values: Record<string, string> = {
      objectClass: 'user',
      sAMAccountName: spec.username,
      userPrincipalName: `${spec.username}@${this.facts.upnSuffix}`,
      givenName: spec.givenName,
      sn: spec.sn,
      displayName: `${spec.givenName} ${spec.sn}`,
      mail: spec.mail,
      userAccountControl: spec.disabled ? UAC_DISABLED : UAC_ENABLED,
    };
    if (spec.phone) values['mobile'] = spec.phone;
    if (spec.linkValue) values['employeeID'] = spec.linkValue;
    if (spec.kind) values['employeeType'] = spec.kind;
    return this.addUser(dn, values, spec.password);
  }

  /** A service account under OU=Service Accounts; `manager` holds one DN, so only the first owner. */
  async addServiceAccount(spec: TestServiceAccountSpec): Promise<string> {
    const dn = `${new DN({ CN: spec.username }).toString()},${SAMBA_DOMAIN.serviceAccountsDn}`;
    const values: Record<string, string> = {
      objectClass: 'user',
      sAMAccountName: spec.username,
      userPrincipalName: `${spec.username}@${this.facts.upnSuffix}`,
      userAccountControl: spec.disabled ? UAC_DISABLED : UAC_ENABLED,
    };
    if (spec.ownerDns[0]) values['manager'] = spec.ownerDns[0];
    if (spec.mail) values['mail'] = spec.mail;
    return this.addUser(dn, values, spec.password);
  }

  private async addUser(dn: string, values: Record<string, string>, password: string): Promise<string> {
    const attributes = Object.entries(values).map(([type, value]) => new Attribute({ type, values: [value] }));
    // unicodePwd: the password in double quotes, UTF-16LE.
    attributes.push(new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${password}"`, 'utf16le')] }));
    await this.asAdministrator((client) => client.add(dn, attributes));
    return dn;
  }

  /**
   * Adds a global security group under CN=Users (outside OU=People) as the domain administrator
   * and returns its DN. Members may be accounts or other groups.
   */
  async addGroup(name: string, memberDns: string[]): Promise<string> {
    const dn = `${new DN({ CN: name }).toString()},CN=Users,${this.facts.domainDn}`;
    const attributes = [
      new Attribute({ type: 'objectClass', values: ['group'] }),
      new Attribute({ type: 'sAMAccountName', values: [name] }),
    ];
    if (memberDns.length > 0) attributes.push(new Attribute({ type: 'member', values: memberDns }));
    await this.asAdministrator((client) => client.add(dn, attributes));
    return dn;
  }

  async disable(dn: string): Promise<void> {
    await this.asAdministrator((client) => client.modify(dn, new Change({
      operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [UAC_DISABLED] }),
    })));
  }

  canBind(dn: string, password: string): Promise<boolean> {
    return canBindWith(this.client(), dn, password);
  }

  async loginState(dn: string, password: string): Promise<'ok' | 'must-change' | 'refused'> {
    const client = this.client();
    try {
      await client.bind(dn, password);
      return 'ok';
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
      return /\bdata 773\b/.test(error.message) ? 'must-change' : 'refused';
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /** Delete-old plus add-new: AD refuses it unless the old password is right. */
  async changeOwnPassword(dn: string, oldPassword: string, newPassword: string): Promise<void> {
    const encode = (password: string) => Buffer.from(`"${password}"`, 'utf16le');
    await this.asAdministrator((client) => client.modify(dn, [
      new Change({ operation: 'delete', modification: new Attribute({ type: 'unicodePwd', values: [encode(oldPassword)] }) }),
      new Change({ operation: 'add', modification: new Attribute({ type: 'unicodePwd', values: [encode(newPassword)] }) }),
    ]));
  }

  /** Runs `work` bound as the domain administrator (test set-up the service account may not do). */
  async asAdministrator<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = this.client();
    try {
      await client.bind(this.facts.adminDn, this.facts.adminPassword);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /** Stops the DC when this object started it (`startSamba`); the run's shared DC stops in globalTeardown. */
  stop(): Promise<void> {
    return this.stopServer();
  }

  private client(): Client {
    return new Client({ url: this.facts.ldapsUrl, timeout: 10_000, connectTimeout: 5_000, tlsOptions: { ca: this.ca } });
  }
}

/** The run's DC, once it answers (waits up to `timeoutMs`: a fresh machine provisions first). */
export async function connectSamba(timeoutMs = 110_000): Promise<SambaServer> {
  return new SambaServer(await waitForSambaState(timeoutMs));
}

/** A DC of its own (outside jest's global setup); waits while another instance holds the ports. */
export async function startSamba(): Promise<SambaServer> {
  const running = await launchSamba();
  return new SambaServer(running.facts, () => running.stop());
}
