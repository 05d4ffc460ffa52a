/**
 * The Directory port in memory, for unit tests and the demo: the same contract as the LDAP
 * adapters (test/directory/memory-contract.test.ts runs the shared suite on it), seeded with plain
 * data (`createMemoryDirectory({ people: [...] })`).
 *
 * Where the real directories differ, it behaves as Active Directory does:
 * - verifyPassword proves a right password that has expired or must be changed (true); a disabled
 *   or locked account throws whatever the password, and a wrong password counts towards the lockout;
 * - setting a password leaves a lock as it is (slapd clears it, and the OpenLDAP adapter puts it back);
 *   only unlockAccount clears one, as AD's lockoutTime=0 does;
 * - the history is checked on every write, resets included (as slapd and Windows with the
 *   policy hints control do).
 */
import { type Clock, systemClock } from '../../clock/clock';
import { DEFAULT_MAX_ACCOUNTS } from '../account-lookup';
import {
  type Account, type AccountProtection, type Directory, DirectoryError, type DirectoryPasswordSettings, type FoundAccount,
  type LockoutStatus, type PasswordExpiryQuery,
} from '../directory';
import { type MemoryAccount, MemoryAccounts } from './memory-accounts';
import { dnKey, isUnder } from './memory-dn';
import { memoryPasswordExpiries } from './memory-expiry-search';
import { memoryProtection } from './memory-protection';
import {
  DEFAULT_MEMORY_BASE_DN, DEFAULT_MEMORY_POLICY, DEFAULT_MEMORY_SERVICE_BASE_DN, type MemoryDirectorySeed,
} from './memory-people';

export interface MemoryDirectoryOptions {
  /** Where the adapter searches and may write. */
  baseDn: string;
  /** The most accounts one look-up may match (default 50); more is refused as 'too-many-matches'. */
  maxAccounts?: number;
  /** The DN the adapter stands for as its service account (always protected from the help desk). */
  serviceAccountDn?: string;
  /** Where service accounts live; unset: there are none. */
  serviceBaseDn?: string;
}

/** A directory holding `seed.people`, under `seed.baseDn`, with `seed.policy` over the defaults. */
export function createMemoryDirectory(seed: MemoryDirectorySeed, clock: Clock = systemClock): MemoryDirectory {
  const baseDn = seed.baseDn ?? DEFAULT_MEMORY_BASE_DN;
  const accounts = new MemoryAccounts({ ...DEFAULT_MEMORY_POLICY, ...seed.policy }, clock);
  for (const person of seed.people) accounts.add(person, baseDn);
  for (const group of seed.groups ?? []) accounts.addGroup(group);
  const serviceBaseDn = seed.serviceBaseDn ?? DEFAULT_MEMORY_SERVICE_BASE_DN;
  for (const service of seed.serviceAccounts ?? []) accounts.add(service, serviceBaseDn);
  return new MemoryDirectory(accounts, { baseDn, serviceAccountDn: seed.serviceAccountDn, serviceBaseDn });
}

export class MemoryDirectory implements Directory {
  private readonly baseDn: string;
  private readonly maxAccounts: number;
  private readonly serviceAccountDn?: string;
  private readonly serviceBaseDn?: string;

  /** `accounts` may be shared by several adapters (e.g. with different base DNs). */
  constructor(readonly accounts: MemoryAccounts, options: MemoryDirectoryOptions) {
    this.baseDn = options.baseDn;
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    this.serviceAccountDn = options.serviceAccountDn;
    this.serviceBaseDn = options.serviceBaseDn;
  }

  async findAccountsByMail(mail: string): Promise<FoundAccount[]> {
    const wanted = mail.trim().toLowerCase();
    if (wanted === '') return [];
    return this.findWithLinked((account) => account.mail.toLowerCase() === wanted);
  }

  async findAccountsByUsername(username: string): Promise<FoundAccount[]> {
    const wanted = username.trim().toLowerCase();
    if (wanted === '') return [];
    return this.findWithLinked((account) => account.username.toLowerCase() === wanted);
  }

  async getAccount(dn: string): Promise<Account | undefined> {
    const account = this.visible(dn);
    return account ? this.accounts.toAccount(account) : undefined;
  }

  async resetPassword(dn: string, newPassword: string): Promise<void> {
    this.accounts.setPassword(this.writable(dn), newPassword, false);
  }

  async changePassword(dn: string, oldPassword: string, newPassword: string): Promise<void> {
    if (oldPassword === '') throw new DirectoryError('invalid-credentials', 'change password: empty current password');
    const account = this.writable(dn);
    const bind = this.accounts.bind(account, oldPassword);
    if (bind === 'locked') throw new DirectoryError('account-locked', 'change password: the account is locked');
    if (bind !== 'ok') throw new DirectoryError('invalid-credentials', 'change password: the directory refused the credentials');
    this.accounts.setPassword(account, newPassword, false);
  }

  async setTemporaryPassword(dn: string, temporaryPassword: string): Promise<void> {
    this.accounts.setPassword(this.writable(dn), temporaryPassword, true);
  }

  async verifyPassword(dn: string, password: string): Promise<boolean> {
    // As on LDAP, where an empty password would be an unauthenticated bind.
    if (password === '') return false;
    const account = this.accounts.get(dn);
    if (!account || account.username === '') return false;
    switch (this.accounts.bind(account, password)) {
      case 'ok': return true;
      case 'wrong-password': return false;
      case 'disabled': throw new DirectoryError('account-disabled', 'verify password: the account is disabled');
      case 'locked': throw new DirectoryError('account-locked', 'verify password: the account is locked');
    }
  }

  passwordExpiries(query: PasswordExpiryQuery): AsyncIterable<Account> {
    return memoryPasswordExpiries(this.accounts, (account) => this.visible(account.dn) !== undefined, query);
  }

  async passwordSettings(): Promise<DirectoryPasswordSettings> {
    const { minLength, historyLength, complexity } = this.accounts.policy;
    const settings: DirectoryPasswordSettings = {};
    if (minLength > 0) settings.minLength = minLength;
    if (historyLength > 0) settings.historyLength = historyLength;
    if (complexity) settings.complexity = true;
    return settings;
  }

  async close(): Promise<void> {
    // Nothing to release.
  }

  async helpdeskProtection(dn: string, protectedGroupDns: readonly string[]): Promise<AccountProtection | undefined> {
    return memoryProtection(this.accounts, { dn, serviceAccountDn: this.serviceAccountDn, protectedGroupDns });
  }

  /** As AD's `lockoutTime=0`: clears a lockout, leaves a disabled account disabled. */
  async unlockAccount(dn: string): Promise<void> {
    const account = this.visible(dn);
    if (!account) throw new DirectoryError('not-found', 'unlock: no such account under the base DN');
    this.accounts.unlock(account);
  }

  async lockoutStatus(dn: string): Promise<LockoutStatus> {
    const account = this.visible(dn);
    if (!account) throw new DirectoryError('not-found', 'no such account under the base DN');
    const threshold = this.accounts.policy.lockoutThreshold;
    return threshold > 0 ? { threshold, failures: account.failedLogins } : { threshold: 'never', failures: 0 };
  }

  async findOwnedServiceAccounts(ownerDns: string[]): Promise<Account[]> {
    return this.owned(ownerDns).map((account) => this.accounts.toAccount(account));
  }

  async resetServiceAccountPassword(dn: string, ownerDns: string[], newPassword: string): Promise<void> {
    const key = dnKey(dn);
    const account = this.owned(ownerDns).find((candidate) => dnKey(candidate.dn) === key);
    if (!account) throw new DirectoryError('not-found', 'no such service account owned by this person');
    if (account.disabled) throw new DirectoryError('account-disabled', 'the service account is disabled');
    this.accounts.setPassword(account, newPassword, false);
  }

  /** Login accounts under the service base that one of `ownerDns` owns. */
  private owned(ownerDns: string[]): MemoryAccount[] {
    const serviceBaseDn = this.serviceBaseDn;
    if (!serviceBaseDn) return [];
    const owners = new Set(ownerDns.flatMap((owner) => dnKey(owner) ?? []));
    return this.accounts.all().filter((account) => account.username !== '' && isUnder(account.dn, serviceBaseDn)
      && account.ownerKeys.some((owner) => owners.has(owner)));
  }

  /** A login account under the base DN. */
  private visible(dn: string): MemoryAccount | undefined {
    const account = this.accounts.get(dn);
    return account && account.username !== '' && isUnder(account.dn, this.baseDn) ? account : undefined;
  }

  private writable(dn: string): MemoryAccount {
    const account = this.visible(dn);
    if (!account) throw new DirectoryError('not-found', 'no such account under the base DN');
    if (account.disabled) throw new DirectoryError('account-disabled', 'the account is disabled');
    return account;
  }

  private findWithLinked(matches: (account: MemoryAccount) => boolean): FoundAccount[] {
    const people = this.accounts.all().filter((account) => account.username !== '' && isUnder(account.dn, this.baseDn));
    const direct = this.bounded(people.filter(matches));
    const linkValues = new Set(direct.flatMap((account) => (account.linkValue ? [account.linkValue.toLowerCase()] : [])));
    const linked = this.bounded(people.filter((account) => account.linkValue && linkValues.has(account.linkValue.toLowerCase())));
    const all = this.bounded([...new Set([...direct, ...linked])]);
    return all.map((account) => ({ ...this.accounts.toAccount(account), foundBy: direct.includes(account) ? 'direct' : 'link' }));
  }

  private bounded(accounts: MemoryAccount[]): MemoryAccount[] {
    if (accounts.length > this.maxAccounts) {
      throw new DirectoryError('too-many-matches', `look up accounts: more than ${this.maxAccounts} entries match; refused`);
    }
    return accounts;
  }
}
