/**
 * The in-memory directory's "server": the accounts, what a bind answers, and the password policy
 * a server applies when a password is set. MemoryDirectory (the port) sits on top of it, as the LDAP
 * adapters sit on slapd or a DC; tests and the demo also use it as the administrator would.
 *
 * Passwords are kept as keyed hashes (a key of this instance), so a dump of the state shows none.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DN } from 'ldapts';
import type { Clock } from '../../clock/clock';
import { meetsDirectoryComplexity } from '../../policy/directory-complexity';
import { type Account, DirectoryError, type DirectoryPolicyReason } from '../directory';
import { dnKey } from './memory-dn';
import type { MemoryGroup, MemoryPasswordPolicy, MemoryPerson } from './memory-people';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** What a simple bind as the account answers. */
export type MemoryBind = 'ok' | 'wrong-password' | 'disabled' | 'locked';

export interface MemoryAccount {
  dn: string;
  username: string;
  mail: string;
  givenName: string;
  sn: string;
  displayName: string;
  phone?: string;
  linkValue?: string;
  disabled: boolean;
  mustChange: boolean;
  passwordSetAt: Date;
  passwordNeverExpires: boolean;
  lockedUntil?: Date;
  administrative: boolean;
  failedLogins: number;
  /** Keyed hashes of the current password (first) and the ones before it. */
  passwords: Buffer[];
  /** A service account's owners (normalised DN keys); empty for people. */
  ownerKeys: string[];
  kind?: 'staff' | 'student';
}

export class MemoryAccounts {
  private readonly byDn = new Map<string, MemoryAccount>();
  private readonly groupsByDn = new Map<string, MemoryGroup>();
  private readonly key = randomBytes(32);

  constructor(readonly policy: MemoryPasswordPolicy, private readonly clock: Clock) {}

  /** Adds one account under `parentDn` (unless the person names a DN); returns its DN. */
  add(person: MemoryPerson, parentDn: string): string {
    if (person.username === '' && !person.dn) throw new Error('memory directory: an entry without a username needs a dn');
    const dn = person.dn ?? `${new DN({ uid: person.username }).toString()},${parentDn}`;
    const key = dnKey(dn);
    if (key === undefined) throw new Error(`memory directory: "${dn}" is not a DN`);
    if (this.byDn.has(key)) throw new Error(`memory directory: ${dn} exists already`);
    this.byDn.set(key, {
      dn,
      username: person.username,
      mail: person.mail,
      givenName: person.givenName,
      sn: person.sn,
      displayName: person.displayName ?? `${person.givenName} ${person.sn}`.trim(),
      phone: person.phone || undefined,
      linkValue: person.linkValue || undefined,
      disabled: person.disabled ?? false,
      mustChange: person.mustChange ?? false,
      passwordSetAt: person.passwordSetAt ? parseTime(person.passwordSetAt) : this.clock.now(),
      passwordNeverExpires: person.passwordNeverExpires ?? false,
      lockedUntil: person.lockedUntil ? parseTime(person.lockedUntil) : undefined,
      administrative: person.administrative ?? false,
      failedLogins: 0,
      passwords: [this.hash(person.password)],
      ownerKeys: (person.ownerDns ?? []).flatMap((owner) => dnKey(owner) ?? []),
      kind: person.kind,
    });
    return dn;
  }

  /** Adds a group (anywhere: groups need not be under the base DN); returns its DN. */
  addGroup(group: MemoryGroup): string {
    const key = dnKey(group.dn);
    if (key === undefined) throw new Error(`memory directory: "${group.dn}" is not a DN`);
    this.groupsByDn.set(key, { dn: group.dn, members: [...group.members] });
    return group.dn;
  }

  group(dn: string): MemoryGroup | undefined {
    const key = dnKey(dn);
    return key === undefined ? undefined : this.groupsByDn.get(key);
  }

  /** Clears a lockout after failed logins, as `lockoutTime=0` does; a disabled account stays disabled. */
  unlock(account: MemoryAccount): void {
    account.lockedUntil = undefined;
    account.failedLogins = 0;
  }

  get(dn: string): MemoryAccount | undefined {
    const key = dnKey(dn);
    return key === undefined ? undefined : this.byDn.get(key);
  }

  all(): MemoryAccount[] {
    return [...this.byDn.values()];
  }

  /**
   * A bind as `dn`: disabled and locked accounts are refused whatever the password; a wrong password
   * counts towards the lockout, a right one resets the count. An expired or must-change password
   * still proves itself ('ok'), as Active Directory reports it.
   */
  bind(account: MemoryAccount, password: string): MemoryBind {
    if (account.disabled) return 'disabled';
    const now = this.clock.now();
    if (this.isLocked(account, now)) return 'locked';
    if (!this.matches(account.passwords[0]!, password)) {
      account.failedLogins += 1;
      const { lockoutThreshold, lockoutMinutes } = this.policy;
      if (lockoutThreshold > 0 && account.failedLogins >= lockoutThreshold) {
        account.lockedUntil = new Date(now.getTime() + lockoutMinutes * MINUTE_MS);
        account.failedLogins = 0;
      }
      return 'wrong-password';
    }
    account.failedLogins = 0;
    return 'ok';
  }

  /**
   * Sets a password as the server would: refused with the policy's reasons (length, complexity,
   * then history) and nothing changed, or set with `mustChange`. A lock is left as it is.
   */
  setPassword(account: MemoryAccount, password: string, mustChange: boolean): void {
    const reasons = this.unmetRules(account, password);
    if (reasons.length > 0) throw new DirectoryError('policy', 'set password: the password policy refused it', reasons);
    account.passwords = [this.hash(password), ...account.passwords].slice(0, Math.max(1, this.policy.historyLength));
    account.passwordSetAt = this.clock.now();
    account.mustChange = mustChange;
  }

  toAccount(account: MemoryAccount): Account {
    return {
      dn: account.dn,
      username: account.username,
      displayName: account.displayName,
      nameParts: nameParts([account.givenName, account.sn, account.displayName]),
      mail: account.mail,
      phone: account.phone,
      linkValue: account.linkValue,
      disabled: account.disabled,
      locked: this.isLocked(account, this.clock.now()),
      mustChange: account.mustChange,
      passwordExpiresAt: this.expiresAt(account),
      // As on AD, a password that must be changed has no "set on" date.
      passwordChangedAt: account.mustChange ? null : account.passwordSetAt,
      ...(account.kind ? { kind: account.kind } : {}),
    };
  }

  private unmetRules(account: MemoryAccount, password: string): DirectoryPolicyReason[] {
    const visible: DirectoryPolicyReason[] = [];
    if ([...password].length < this.policy.minLength) visible.push('too-short');
    const subject = { usernames: [account.username], nameParts: [account.displayName] };
    if (this.policy.complexity && !meetsDirectoryComplexity(password, subject)) visible.push('complexity');
    if (visible.length > 0) return visible;
    const history = account.passwords.slice(0, this.policy.historyLength);
    return history.some((hash) => this.matches(hash, password)) ? ['in-history'] : [];
  }

  private isLocked(account: MemoryAccount, now: Date): boolean {
    return account.lockedUntil !== undefined && account.lockedUntil > now;
  }

  private expiresAt(account: MemoryAccount): Date | null {
    if (account.passwordNeverExpires || this.policy.maxAgeDays <= 0) return null;
    return new Date(account.passwordSetAt.getTime() + this.policy.maxAgeDays * DAY_MS);
  }

  private hash(password: string): Buffer {
    return createHmac('sha256', this.key).update(password, 'utf8').digest();
  }

  private matches(hash: Buffer, password: string): boolean {
    return timingSafeEqual(hash, this.hash(password));
  }
}

function parseTime(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`memory directory: "${value}" is not a time`);
  return date;
}

/** Words of the given name, surname and display name, once each (case-insensitive). */
function nameParts(values: string[]): string[] {
  const seen = new Set<string>();
  return values.flatMap((value) => value.split(/\s+/u)).filter((part) => {
    const key = part.toLowerCase();
    if (part === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
