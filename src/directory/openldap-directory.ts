/**
 * The Directory port on OpenLDAP with the ppolicy overlay.
 *
 * Passwords are set with the Password Modify extended operation (RFC 3062) so that slapd hashes
 * them and applies its policy (length, history, quality); the ppolicy request control brings the
 * reason back when it refuses. The bot writes lockout attributes only to unlock on a help-desk
 * operator's explicit choice (`unlockAccount`, openldap-unlock.ts); note that
 * slapd itself clears pwdAccountLockedTime and pwdFailureTime whenever a password is set, which is
 * why disabled accounts (locked "for ever") are refused before any write.
 */
import {
  AndFilter, Attribute, Change, EqualityFilter, InvalidCredentialsError, PasswordPolicyControl, PresenceFilter,
  type Client, type Entry, type Filter,
} from 'ldapts';
import { systemClock, type Clock } from '../clock/clock';
import { DEFAULT_MAX_ACCOUNTS, findWithLinked } from './account-lookup';
import {
  DirectoryError, type Account, type AccountProtection, type Directory, type DirectoryPasswordSettings, type FoundAccount,
  type LockoutStatus,
  type PasswordExpiryQuery,
} from './directory';
import { markHowFound } from './found-accounts';
import type { LdapConnector } from './ldap-connector';
import {
  DISABLED_LOCK_TIME, POLICY_ATTRIBUTES, UNKNOWN_POLICY, accountAttributes, passwordState, readPolicy,
  toAccount, type AccountAttributeNames, type PasswordPolicy,
} from './openldap-account';
import { firstValue } from './entry-values';
import { toDirectoryError } from './openldap-errors';
import { openLdapProtection } from './openldap-protection';
import { unlockOpenLdapAccount } from './openldap-unlock';
import { LOCKOUT_ATTRIBUTES, lockoutStatusOf } from './openldap-lockout';
import { OPENLDAP_SERVICE_ACCOUNTS } from './openldap-service-accounts';
import { findOwnedEntry, searchOwnedEntries, type ServiceAccountSettings } from './owned-service-entries';
import { OpenLdapExpirySearch } from './openldap-expiry-search';
import { PASSWORD_MODIFY_OID, encodePasswordModifyRequest, type PasswordModifyRequest } from './password-modify-request';

export interface OpenLdapDirectoryOptions {
  connector: LdapConnector;
  /** Where people are searched (`LDAP_BASE_DN`); accounts outside it are never read or written. */
  baseDn: string;
  mailAttr: string;
  phoneAttr: string;
  /** The attribute joining one person's accounts (e.g. employeeNumber); unset: no linking. */
  linkAttr?: string;
  /** `LDAP_KIND_ATTR`: whose value says staff or student (e.g. employeeType); unset: not shown. */
  kindAttr?: string;
  /**
   * The policy slapd applies to entries without pwdPolicySubentry (its `ppolicy_default`,
   * `LDAP_PPOLICY_DN`). The service account usually cannot read cn=config to find it. Unset:
   * no expiry and no lockout duration are known for such entries.
   */
  defaultPolicyDn?: string;
  /** The most accounts one look-up may match (default 50); more is refused as 'too-many-matches'. */
  maxAccounts?: number;
  /** Service (impersonal) accounts and their owner attribute; unset: there are none. */
  serviceAccounts?: ServiceAccountSettings;
  clock?: Clock;
}

/** Login accounts only: an entry without a uid is not an Account. */
const HAS_USERNAME = new PresenceFilter({ attribute: 'uid' });

export class OpenLdapDirectory implements Directory {
  private readonly connector: LdapConnector;
  private readonly baseDn: string;
  private readonly names: AccountAttributeNames;
  private readonly defaultPolicyDn?: string;
  private readonly serviceAccounts?: ServiceAccountSettings;
  private readonly clock: Clock;
  private readonly maxAccounts: number;
  private readonly expirySearch: OpenLdapExpirySearch;

  constructor(options: OpenLdapDirectoryOptions) {
    this.connector = options.connector;
    this.baseDn = options.baseDn;
    this.names = { mail: options.mailAttr, phone: options.phoneAttr, link: options.linkAttr, kind: options.kindAttr };
    this.defaultPolicyDn = options.defaultPolicyDn;
    this.serviceAccounts = options.serviceAccounts;
    this.clock = options.clock ?? systemClock;
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    this.expirySearch = new OpenLdapExpirySearch({
      connector: this.connector, baseDn: this.baseDn, names: this.names, defaultPolicyDn: this.defaultPolicyDn, clock: this.clock,
    });
  }

  findAccountsByMail(mail: string): Promise<FoundAccount[]> {
    return this.findWithLinked(this.names.mail, mail);
  }

  findAccountsByUsername(username: string): Promise<FoundAccount[]> {
    return this.findWithLinked('uid', username);
  }

  async getAccount(dn: string): Promise<Account | undefined> {
    return this.readAsService('read account', async (client) => {
      const entry = await this.findEntry(client, dn, accountAttributes(this.names));
      if (!entry) return undefined;
      return (await this.toAccounts(client, [entry]))[0];
    });
  }

  /** Refuses disabled accounts (setting a password would re-enable them). Clears pwdReset if slapd set it. */
  async resetPassword(dn: string, newPassword: string): Promise<void> {
    await this.asService('reset password', async (client) => {
      const target = await this.writableDn(client, dn);
      await this.modifyPassword(client, { userIdentity: target, newPassword }, 'reset password');
      await this.setPwdReset(client, target, false);
    });
  }

  async changePassword(dn: string, oldPassword: string, newPassword: string): Promise<void> {
    if (oldPassword === '') throw new DirectoryError('invalid-credentials', 'change password: empty current password');
    await this.readAsService('change password', (client) => this.writableDn(client, dn));
    try {
      await this.connector.asUser(dn, oldPassword, (client) =>
        this.modifyPassword(client, { oldPassword, newPassword }, 'change password'));
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw await this.explainRefusedBind(dn, 'change password');
      throw toDirectoryError(error, 'change password');
    }
  }

  /**
   * slapd drops a lockout whenever a password is set; the help desk unlocks only when the operator
   * chooses to (`unlockAccount`), so a temporary lock present before is put back as it was.
   */
  async setTemporaryPassword(dn: string, temporaryPassword: string): Promise<void> {
    await this.asService('set temporary password', async (client) => {
      const target = await this.writableEntry(client, dn);
      await this.modifyPassword(client, { userIdentity: target.dn, newPassword: temporaryPassword }, 'set temporary password');
      await this.setPwdReset(client, target.dn, true);
      if (target.lockedTime !== undefined) {
        await client.modify(target.dn, new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'pwdAccountLockedTime', values: [target.lockedTime] }),
        }));
      }
    });
  }

  /**
   * A refused bind is `false` only when the account itself is usable; a disabled, locked or expired
   * account throws 'account-disabled', 'account-locked' or 'password-expired' (whatever the password),
   * so the journey can say why. An account that must change its password binds: `true`.
   */
  async verifyPassword(dn: string, password: string): Promise<boolean> {
    // An empty password would be an unauthenticated (anonymous) bind, which succeeds.
    if (password === '') return false;
    try {
      return await this.connector.asUser(dn, password, async () => true);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw toDirectoryError(error, 'verify password');
      const refusal = await this.explainRefusedBind(dn, 'verify password');
      if (refusal.failure === 'invalid-credentials') return false;
      throw refusal;
    }
  }

  passwordExpiries(query: PasswordExpiryQuery): AsyncIterable<Account> {
    return this.expirySearch.search(query);
  }

  /** From the default policy entry; {} when none is configured or it cannot be read. */
  async passwordSettings(): Promise<DirectoryPasswordSettings> {
    const policyDn = this.defaultPolicyDn;
    if (!policyDn) return {};
    try {
      const policy = await this.readAsService('read password policy', (client) => this.readPolicy(client, policyDn));
      const settings: DirectoryPasswordSettings = {};
      // slapd only enforces pwdMinLength when it checks quality.
      if ((policy.checkQuality ?? 0) > 0 && (policy.minLength ?? 0) > 0) settings.minLength = policy.minLength;
      if ((policy.inHistory ?? 0) > 0) settings.historyLength = policy.inHistory;
      if (policy.hasCheckModule) settings.complexity = true;
      return settings;
    } catch {
      return {};
    }
  }

  async close(): Promise<void> {
    await this.connector.close();
  }

  helpdeskProtection(dn: string, protectedGroupDns: readonly string[]): Promise<AccountProtection | undefined> {
    return this.readAsService('check protection', (client) => openLdapProtection(client, {
      dn, serviceDn: this.connector.serviceAccount, baseDn: this.baseDn, protectedGroupDns,
    }));
  }

  unlockAccount(dn: string): Promise<void> {
    return this.asService('unlock account', (client) => unlockOpenLdapAccount(client, this.baseDn, dn));
  }

  async lockoutStatus(dn: string): Promise<LockoutStatus> {
    return this.readAsService('read lockout state', async (client) => {
      const entry = await this.findEntry(client, dn, LOCKOUT_ATTRIBUTES);
      if (!entry) throw new DirectoryError('not-found', 'no such account under the base DN');
      return lockoutStatusOf(entry, await this.policyFor(client, entry, new Map()), this.clock.now());
    });
  }

  async findOwnedServiceAccounts(ownerDns: string[]): Promise<Account[]> {
    const settings = this.serviceAccounts;
    if (!settings) return [];
    return this.readAsService('look up service accounts', async (client) =>
      this.toAccounts(client, await searchOwnedEntries(client, OPENLDAP_SERVICE_ACCOUNTS, settings, ownerDns, accountAttributes(this.names))));
  }

  /** The ownership check and the write share one connection, the check right before the write. */
  async resetServiceAccountPassword(dn: string, ownerDns: string[], newPassword: string): Promise<void> {
    const settings = this.serviceAccounts;
    if (!settings) throw new DirectoryError('not-found', 'no service account base is configured');
    await this.asService('reset service account password', async (client) => {
      const entry = await findOwnedEntry(client, OPENLDAP_SERVICE_ACCOUNTS, settings, dn, ownerDns, ['pwdAccountLockedTime']);
      if (!entry) throw new DirectoryError('not-found', 'no such service account owned by this person');
      if (firstValue(entry, 'pwdAccountLockedTime') === DISABLED_LOCK_TIME) {
        throw new DirectoryError('account-disabled', 'the service account is disabled');
      }
      await this.modifyPassword(client, { userIdentity: entry.dn, newPassword }, 'reset service account password');
      await this.setPwdReset(client, entry.dn, false);
    });
  }

  private async findWithLinked(attribute: string, value: string): Promise<FoundAccount[]> {
    const wanted = value.trim();
    if (wanted === '') return [];
    return this.readAsService('look up accounts', async (client) => {
      const found = await findWithLinked({
        search: (filter, sizeLimit) => this.searchPeople(client, filter, sizeLimit, accountAttributes(this.names)),
        linkAttr: this.names.link,
        maxAccounts: this.maxAccounts,
      }, new EqualityFilter({ attribute, value: wanted }));
      return markHowFound(await this.toAccounts(client, found.entries), found.directDns);
    });
  }

  private async searchPeople(client: Client, filter: Filter, sizeLimit: number, attributes: string[]): Promise<Entry[]> {
    const { searchEntries } = await client.search(this.baseDn, {
      scope: 'sub',
      filter: new AndFilter({ filters: [filter, HAS_USERNAME] }),
      attributes,
      sizeLimit,
    });
    return searchEntries;
  }

  /** The login entry `dn`, only when it lies under the base DN (entryDN matching normalises the DN). */
  private async findEntry(client: Client, dn: string, attributes: string[]): Promise<Entry | undefined> {
    const entries = await this.searchPeople(client, new EqualityFilter({ attribute: 'entryDN', value: dn }), 1, attributes);
    return entries[0];
  }

  private async toAccounts(client: Client, entries: Entry[]): Promise<Account[]> {
    const policies = new Map<string, PasswordPolicy>();
    const now = this.clock.now();
    const accounts: Account[] = [];
    for (const entry of entries) {
      const policy = await this.policyFor(client, entry, policies);
      const account = toAccount(entry, this.names, policy, now);
      if (account) accounts.push(account);
    }
    return accounts;
  }

  /** The entry's own policy (pwdPolicySubentry) or the default; read once per operation. */
  private async policyFor(client: Client, entry: Entry, cache: Map<string, PasswordPolicy>): Promise<PasswordPolicy> {
    const policyDn = firstValue(entry, 'pwdPolicySubentry') ?? this.defaultPolicyDn;
    if (!policyDn) return UNKNOWN_POLICY;
    const key = policyDn.toLowerCase();
    let policy = cache.get(key);
    if (!policy) {
      policy = await this.readPolicy(client, policyDn).catch(() => UNKNOWN_POLICY);
      cache.set(key, policy);
    }
    return policy;
  }

  private async readPolicy(client: Client, policyDn: string): Promise<PasswordPolicy> {
    const { searchEntries } = await client.search(policyDn, { scope: 'base', attributes: POLICY_ATTRIBUTES });
    const entry = searchEntries[0];
    return entry ? readPolicy(entry) : UNKNOWN_POLICY;
  }

  /** The DN to write: `dn` as the server names it, once it is known to be an enabled account under the base DN. */
  private async writableDn(client: Client, dn: string): Promise<string> {
    return (await this.writableEntry(client, dn)).dn;
  }

  /**
   * The account to write: `dn` as the server names it, once it is known to be an enabled account
   * under the base DN, with its temporary lock time, if any.
   */
  private async writableEntry(client: Client, dn: string): Promise<{ dn: string; lockedTime?: string }> {
    const entry = await this.findEntry(client, dn, ['pwdAccountLockedTime']);
    if (!entry) throw new DirectoryError('not-found', 'no such account under the base DN');
    const lockedTime = firstValue(entry, 'pwdAccountLockedTime');
    if (lockedTime === DISABLED_LOCK_TIME) {
      throw new DirectoryError('account-disabled', 'the account is disabled');
    }
    return { dn: entry.dn, lockedTime };
  }

  private async modifyPassword(client: Client, request: PasswordModifyRequest, action: string): Promise<void> {
    const control = new PasswordPolicyControl();
    try {
      await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(request), control);
    } catch (error) {
      throw toDirectoryError(error, action, control.value?.error);
    }
  }

  /** Writes pwdReset only when it differs ("absent" counts as FALSE, and is how it is cleared). */
  private async setPwdReset(client: Client, dn: string, mustChange: boolean): Promise<void> {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['pwdReset'] });
    const current = firstValue(searchEntries[0] ?? { dn }, 'pwdReset')?.toUpperCase() === 'TRUE';
    if (current === mustChange) return;
    await client.modify(dn, new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'pwdReset', values: mustChange ? ['TRUE'] : [] }),
    }));
  }

  /**
   * Why a user's bind was refused: slapd answers invalidCredentials alike for a wrong password and
   * for a disabled, locked or expired account, so the account's state is read as the service account.
   */
  private async explainRefusedBind(dn: string, action: string): Promise<DirectoryError> {
    const refused = new DirectoryError('invalid-credentials', `${action}: the directory refused the credentials`);
    return this.readAsService(action, async (client) => {
      const entry = await this.findEntry(client, dn, ['pwdAccountLockedTime', 'pwdChangedTime', 'pwdPolicySubentry']);
      if (!entry) return refused;
      const state = passwordState(entry, await this.policyFor(client, entry, new Map()), this.clock.now());
      if (state.disabled) return new DirectoryError('account-disabled', `${action}: the account is disabled`);
      if (state.locked) return new DirectoryError('account-locked', `${action}: the account is locked`);
      if (state.passwordExpiresAt && state.passwordExpiresAt <= this.clock.now()) {
        return new DirectoryError('password-expired', `${action}: the password has expired`);
      }
      return refused;
    });
  }

  private async asService<T>(action: string, work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await this.connector.asServiceAccount(work);
    } catch (error) {
      throw toDirectoryError(error, action);
    }
  }

  /** For work that only reads: retried once on a fresh connection when a pooled one has died. */
  private async readAsService<T>(action: string, work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await this.connector.readAsServiceAccount(work);
    } catch (error) {
      throw toDirectoryError(error, action);
    }
  }
}
