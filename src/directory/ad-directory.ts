/**
 * The directory port on Active Directory (Windows or Samba), over LDAPS or StartTLS only: AD
 * refuses `unicodePwd` writes, and by default simple binds, on unencrypted connections.
 *
 * Choices worth knowing:
 * - verifyPassword: AD refuses the bind of a right password that must be changed (data 773) or has
 *   expired (532) after checking it, so those return true: the password is proven and the state
 *   shows in the Account (`mustChange`, `passwordExpiresAt`). Disabled (533, 701) and locked (775)
 *   throw: AD says so whatever the password, so nothing is proven.
 * - changePassword binds as the user and sends delete-old + add-new. When that bind is refused
 *   only because the password must change or has expired, the same modify goes over the service
 *   account's connection: AD still checks the old password (and counts a wrong one), because the
 *   "Change Password" right belongs to everyone who knows it.
 * - resetPassword sends the policy hints control (history and minimum age enforced on a reset)
 *   only where the rootDSE lists it; Samba (4.17 at least) does not, so there a reset skips the
 *   history, as any administrative reset does. It also sets pwdLastSet = -1 in the same modify, so
 *   the user is never left "must change"; that needs the service account's right to write pwdLastSet.
 * - The bot writes lockoutTime only to unlock (`unlockAccount`, under the base DN only), on a help-desk
 *   operator's explicit choice or after the person's verified SMS code ("My account is locked").
 */
import { AndFilter, Attribute, Change, EqualityFilter, type Entry, type Filter, OrFilter, type Client } from 'ldapts';
import { type Clock, systemClock } from '../clock/clock';
import { DEFAULT_MAX_ACCOUNTS, findWithLinked, type LinkedEntries } from './account-lookup';
import { type AdAttributeNames, PEOPLE_FILTER, accountAttributes, accountFromEntry, hasComputedLockout, isDisabled } from './ad-account';
import { bindRefusal, passwordWasAccepted, toDirectoryError } from './ad-errors';
import { AdDomain } from './ad-domain';
import { readAdLockoutStatus } from './ad-lockout';
import { encodeUnicodePwd, inferPolicyReasons } from './ad-password';
import { adProtection } from './ad-protection';
import { unlockAdAccount } from './ad-unlock';
import { AD_SERVICE_ACCOUNTS } from './ad-service-accounts';
import { findOwnedEntry, searchOwnedEntries, type ServiceAccountSettings } from './owned-service-entries';
import {
  type Account,
  type AccountProtection,
  type Directory,
  DirectoryError,
  type DirectoryPasswordSettings,
  type FoundAccount,
  type LockoutStatus,
  type PasswordExpiryQuery,
} from './directory';
import { AdExpirySearch } from './ad-expiry-search';
import { markHowFound } from './found-accounts';
import { describe, isInvalidCredentials, type LdapConnector } from './ldap-connector';

export interface ActiveDirectoryOptions {
  connector: LdapConnector;
  /** Where people are searched (e.g. an OU); the domain object is found from the rootDSE. */
  baseDn: string;
  mailAttr: string;
  phoneAttr: string;
  /** Joins one person's accounts (e.g. employeeID); unset: no linking. */
  linkAttr?: string;
  /** `LDAP_KIND_ATTR`: whose value says staff or student (e.g. employeeType); unset: not shown. */
  kindAttr?: string;
  /** Also find accounts by their Exchange aliases (`proxyAddresses` "smtp:" values). */
  matchProxyAddresses?: boolean;
  /** The most accounts one look-up may match (default 50); more is refused as 'too-many-matches'. */
  maxAccounts?: number;
  /** Service (impersonal) accounts and their owner attribute (usually `manager`); unset: none. */
  serviceAccounts?: ServiceAccountSettings;
  clock?: Clock;
}

export class ActiveDirectory implements Directory {
  private readonly connector: LdapConnector;
  private readonly baseDn: string;
  private readonly names: AdAttributeNames;
  private readonly serviceAccounts?: ServiceAccountSettings;
  private readonly clock: Clock;
  private readonly maxAccounts: number;
  private readonly domain: AdDomain;
  private readonly expirySearch: AdExpirySearch;

  constructor(options: ActiveDirectoryOptions) {
    this.connector = options.connector;
    this.baseDn = options.baseDn;
    this.names = {
      mailAttr: options.mailAttr,
      phoneAttr: options.phoneAttr,
      linkAttr: options.linkAttr || undefined,
      kindAttr: options.kindAttr || undefined,
      matchProxyAddresses: options.matchProxyAddresses ?? false,
    };
    this.serviceAccounts = options.serviceAccounts;
    this.clock = options.clock ?? systemClock;
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    this.domain = new AdDomain(options.connector);
    this.expirySearch = new AdExpirySearch({
      connector: this.connector,
      baseDn: this.baseDn,
      names: this.names,
      domainDn: () => this.domain.namingContext(),
    });
  }

  async findAccountsByMail(mail: string): Promise<FoundAccount[]> {
    mail = mail.trim();
    if (mail === '') return [];
    const filters: Filter[] = [new EqualityFilter({ attribute: this.names.mailAttr, value: mail })];
    if (this.names.matchProxyAddresses) {
      // proxyAddresses matches case-insensitively, so "smtp:" also finds the primary "SMTP:" value.
      filters.push(new EqualityFilter({ attribute: 'proxyAddresses', value: `smtp:${mail}` }));
    }
    return this.findWithLinked(new OrFilter({ filters }), 'find accounts by mail');
  }

  async findAccountsByUsername(username: string): Promise<FoundAccount[]> {
    username = username.trim();
    if (username === '') return [];
    const filter = new OrFilter({
      filters: [
        new EqualityFilter({ attribute: 'sAMAccountName', value: username }),
        new EqualityFilter({ attribute: 'userPrincipalName', value: username }),
      ],
    });
    return this.findWithLinked(filter, 'find accounts by username');
  }

  async getAccount(dn: string): Promise<Account | undefined> {
    let entry: Entry | undefined;
    try {
      entry = await this.connector.readAsServiceAccount((client) => this.findPerson(client, dn, accountAttributes(this.names)));
    } catch (error) {
      throw toDirectoryError(error, `read account ${dn}`);
    }
    return entry ? (await this.toAccounts([entry]))[0] : undefined;
  }

  async resetPassword(dn: string, newPassword: string): Promise<void> {
    const hints = await this.domain.policyHintsControl();
    const changes = [
      replace('unicodePwd', encodeUnicodePwd(newPassword)),
      // -1 stamps pwdLastSet with the current time: never "must change" after a self-service reset.
      replace('pwdLastSet', '-1'),
    ];
    try {
      await this.connector.asServiceAccount(async (client) => client.modify(await this.writableDn(client, dn), changes, hints));
    } catch (error) {
      throw await this.explainWriteError(error, `reset password of ${dn}`, dn, newPassword, 'reset');
    }
  }

  async changePassword(dn: string, oldPassword: string, newPassword: string): Promise<void> {
    // An empty password would make an unauthenticated bind, which succeeds.
    if (oldPassword === '') throw new DirectoryError('invalid-credentials', `change password of ${dn}: empty current password`);
    const changes = [
      new Change({ operation: 'delete', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(oldPassword)] }) }),
      new Change({ operation: 'add', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(newPassword)] }) }),
    ];
    const action = `change password of ${dn}`;
    await this.requireWritable(dn, action);
    try {
      await this.connector.asUser(dn, oldPassword, (client) => client.modify(dn, changes));
    } catch (error) {
      const refusedOnlyForItsState = isInvalidCredentials(error) && passwordWasAccepted(bindRefusal(error.message));
      if (!refusedOnlyForItsState) throw await this.explainWriteError(error, action, dn, newPassword, 'change');
      // The user may not bind until the password is changed: send the same change as the service account.
      try {
        await this.connector.asServiceAccount((client) => client.modify(dn, changes));
      } catch (serviceError) {
        throw await this.explainWriteError(serviceError, action, dn, newPassword, 'change');
      }
    }
  }

  async setTemporaryPassword(dn: string, temporaryPassword: string): Promise<void> {
    const changes = [
      replace('unicodePwd', encodeUnicodePwd(temporaryPassword)),
      replace('pwdLastSet', '0'),
    ];
    try {
      await this.connector.asServiceAccount(async (client) => client.modify(await this.writableDn(client, dn), changes));
    } catch (error) {
      throw await this.explainWriteError(error, `set temporary password of ${dn}`, dn, temporaryPassword, 'reset');
    }
  }

  async verifyPassword(dn: string, password: string): Promise<boolean> {
    // An empty password would make an unauthenticated bind, which succeeds.
    if (password === '') return false;
    try {
      await this.connector.asUser(dn, password, async () => undefined);
      return true;
    } catch (error) {
      if (!isInvalidCredentials(error)) throw toDirectoryError(error, `verify password of ${dn}`);
      const refusal = bindRefusal(error.message);
      if (refusal === 'invalid-credentials') return false;
      if (passwordWasAccepted(refusal)) return true;
      throw new DirectoryError(refusal, `verify password of ${dn}: ${describe(error)}`);
    }
  }

  passwordExpiries(query: PasswordExpiryQuery): AsyncIterable<Account> {
    return this.expirySearch.search(query);
  }

  async passwordSettings(): Promise<DirectoryPasswordSettings> {
    const policy = await this.domain.policy();
    return { minLength: policy.minLength, complexity: policy.complexity, historyLength: policy.historyLength };
  }

  async close(): Promise<void> {
    await this.connector.close();
  }

  async helpdeskProtection(dn: string, protectedGroupDns: readonly string[]): Promise<AccountProtection | undefined> {
    try {
      return await this.connector.readAsServiceAccount((client) =>
        adProtection(client, { dn, serviceAccount: this.connector.serviceAccount, protectedGroupDns }));
    } catch (error) {
      throw toDirectoryError(error, `check protection of ${dn}`);
    }
  }

  async unlockAccount(dn: string): Promise<void> {
    try {
      await this.connector.asServiceAccount((client) =>
        unlockAdAccount(client, dn, (reader, personDn, attributes) => this.findPerson(reader, personDn, attributes)));
    } catch (error) {
      throw toDirectoryError(error, `unlock ${dn}`);
    }
  }

  async lockoutStatus(dn: string): Promise<LockoutStatus> {
    try {
      const domainDn = await this.domain.namingContext();
      return await this.connector.readAsServiceAccount(async (client) => {
        const person = await this.findPerson(client, dn, ['distinguishedName']);
        if (!person) throw new DirectoryError('not-found', 'no such account under the base DN');
        return readAdLockoutStatus(client, person.dn, domainDn, this.clock.now());
      });
    } catch (error) {
      throw toDirectoryError(error, `read lockout state of ${dn}`);
    }
  }

  async findOwnedServiceAccounts(ownerDns: string[]): Promise<Account[]> {
    const settings = this.serviceAccounts;
    if (!settings) return [];
    let entries: Entry[];
    try {
      entries = await this.connector.readAsServiceAccount((client) =>
        searchOwnedEntries(client, AD_SERVICE_ACCOUNTS, settings, ownerDns, accountAttributes(this.names)));
    } catch (error) {
      throw toDirectoryError(error, 'look up service accounts');
    }
    return this.toAccounts(entries);
  }

  /**
   * Checks ownership as the server sees it, on the connection that then writes, right before the
   * write; sets the password as a reset does (history hints where offered, never must-change).
   */
  async resetServiceAccountPassword(dn: string, ownerDns: string[], newPassword: string): Promise<void> {
    const settings = this.serviceAccounts;
    if (!settings) throw new DirectoryError('not-found', 'no service account base is configured');
    const action = 'reset service account password';
    try {
      const hints = await this.domain.policyHintsControl();
      await this.connector.asServiceAccount(async (client) => {
        const entry = await findOwnedEntry(client, AD_SERVICE_ACCOUNTS, settings, dn, ownerDns, ['userAccountControl']);
        if (!entry) throw new DirectoryError('not-found', 'no such service account owned by this person');
        if (isDisabled(entry)) throw new DirectoryError('account-disabled', 'the service account is disabled');
        await client.modify(entry.dn, [replace('unicodePwd', encodeUnicodePwd(newPassword)), replace('pwdLastSet', '-1')], hints);
      });
    } catch (error) {
      throw await this.explainWriteError(error, action, dn, newPassword, 'reset');
    }
  }

  private async findWithLinked(filter: Filter, action: string): Promise<FoundAccount[]> {
    let found: LinkedEntries;
    try {
      found = await this.connector.readAsServiceAccount((client) => findWithLinked({
        search: (match, sizeLimit) => this.searchPeople(client, match, sizeLimit),
        linkAttr: this.names.linkAttr,
        maxAccounts: this.maxAccounts,
      }, filter));
    } catch (error) {
      throw toDirectoryError(error, action);
    }
    return markHowFound(await this.toAccounts(found.entries), found.directDns);
  }

  private async searchPeople(client: Client, filter: Filter, sizeLimit: number, attributes = accountAttributes(this.names)): Promise<Entry[]> {
    const result = await client.search(this.baseDn, {
      scope: 'sub',
      filter: new AndFilter({ filters: [PEOPLE_FILTER, filter] }),
      attributes,
      sizeLimit,
    });
    return result.searchEntries;
  }

  /** The person entry `dn`, only when it lies under the base DN (the server compares the DNs). */
  private async findPerson(client: Client, dn: string, attributes: string[]): Promise<Entry | undefined> {
    const entries = await this.searchPeople(client, new EqualityFilter({ attribute: 'distinguishedName', value: dn }), 2, attributes);
    return entries[0];
  }

  /** The DN to write: `dn` as the server names it, once it is known to be an enabled person under the base DN. */
  private async writableDn(client: Client, dn: string): Promise<string> {
    const entry = await this.findPerson(client, dn, ['userAccountControl']);
    if (!entry) throw new DirectoryError('not-found', 'no such account under the base DN');
    if (isDisabled(entry)) throw new DirectoryError('account-disabled', 'the account is disabled');
    return entry.dn;
  }

  private async requireWritable(dn: string, action: string): Promise<void> {
    try {
      await this.connector.readAsServiceAccount((client) => this.writableDn(client, dn));
    } catch (error) {
      throw toDirectoryError(error, action);
    }
  }

  private async toAccounts(entries: Entry[]): Promise<Account[]> {
    // Servers that do not compute the lockout bit need the domain's lockout duration instead.
    const fallback = entries.every(hasComputedLockout)
      ? undefined
      : { now: this.clock.now(), lockoutDurationMs: (await this.domain.policy()).lockoutDurationMs };
    return entries
      .map((entry) => accountFromEntry(entry, this.names, fallback))
      .filter((account): account is Account => account !== undefined);
  }

  /** A write failure as a DirectoryError; policy refusals that name no rule get the likely ones. */
  private async explainWriteError(
    error: unknown,
    action: string,
    dn: string,
    password: string,
    operation: 'reset' | 'change',
  ): Promise<DirectoryError> {
    const mapped = toDirectoryError(error, action);
    if (mapped.failure !== 'policy' || mapped.policyReasons.length > 0) return mapped;
    try {
      const [account, policy] = await Promise.all([this.getAccount(dn), this.domain.policy()]);
      const subject = { username: account?.username ?? '', displayName: account?.displayName ?? '' };
      return new DirectoryError('policy', mapped.message, inferPolicyReasons(password, subject, policy, operation));
    } catch {
      return new DirectoryError('policy', mapped.message, ['other']);
    }
  }
}

function replace(type: string, value: string | Buffer): Change {
  // Attribute takes string[] or Buffer[], not a mixed array.
  const values = typeof value === 'string' ? [value] : [value];
  return new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
}
