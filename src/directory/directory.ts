/**
 * The directory port: everything passdesk asks of OpenLDAP or Active Directory.
 * Adapters: `openldap-directory.ts`, `ad-directory.ts`, and `memory/memory-directory.ts` for unit
 * tests and the demo. Journeys only see this file.
 *
 * What every adapter guarantees (test/directory/directory-contract.ts checks it on each):
 * - Only accounts under the base DN (`LDAP_BASE_DN`) exist for passdesk: look-ups and
 *   `getAccount` never return others, and a write to any other DN fails with 'not-found' before
 *   anything is sent to change it.
 * - A write to a disabled account fails with 'account-disabled' before anything is sent.
 * - A look-up matching more than a bounded number of accounts (50 by default) fails with
 *   'too-many-matches' rather than returning some of them.
 * - An entry without a username is not an Account: every Account has a non-empty `username`.
 */

import type { PersonKind } from './account-kind';

/** One directory account (a person may have several: staff and student, linked). */
export interface Account {
  /** Distinguished name: the identity used for every write. */
  dn: string;
  /** Login name: `uid` on OpenLDAP, `sAMAccountName` on AD; never empty. */
  username: string;
  /** Full name, for display and for the "no name parts in the password" rule. */
  displayName: string;
  /** Name parts (given name, surname, ...) the new password must not contain. */
  nameParts: string[];
  /** The account's mail address (`LDAP_MAIL_ATTR`). */
  mail: string;
  /** Registered phone (`LDAP_PHONE_ATTR`) exactly as stored, or undefined when none is set. */
  phone?: string;
  /** Value of `LDAP_LINK_ATTR`, which joins one person's accounts; undefined when unset or not configured. */
  linkValue?: string;
  /** The account cannot log in (OpenLDAP: `pwdAccountLockedTime` = 000001010000Z; AD: userAccountControl bit 2). */
  disabled: boolean;
  /** Locked out after failed logins (temporary); the bot never writes lockout attributes. */
  locked: boolean;
  /** The password must be changed at next login. */
  mustChange: boolean;
  /** When the current password expires; null when the directory sets no expiry. */
  passwordExpiresAt: Date | null;
  /**
   * When the password was last set (OpenLDAP `pwdChangedTime`, AD `pwdLastSet`); null when the
   * directory does not say (or, on AD, while it must be changed). Absent from adapters that do not read it.
   */
  passwordChangedAt?: Date | null;
  /** AD: the userPrincipalName, set only where it differs from `username` (sAMAccountName). */
  principalName?: string;
  /** Staff or student, from `LDAP_KIND_ATTR`; absent when not configured or not set on the entry. */
  kind?: PersonKind;
}

/** An account a look-up found, and how: by the value looked up itself, or only through the link. */
export interface FoundAccount extends Account {
  /**
   * `direct`: its own mail (or username) is the value looked up. `link`: it was found only
   * because it shares `LDAP_LINK_ATTR` with a direct match (the same person's other account).
   */
  foundBy: 'direct' | 'link';
}

/** Why the directory refused a password (mapped to policy messages in the user's language). */
export type DirectoryPolicyReason =
  | 'too-short'
  | 'complexity'
  | 'in-history'
  | 'too-young'
  | 'other';

export type DirectoryFailure =
  /** Cannot reach the server, TLS failed, or the service account cannot bind. */
  | 'unavailable'
  /** The server's own password policy refused the new password (see `policyReasons`). */
  | 'policy'
  /** A password check by bind failed (wrong password, or the account cannot bind). */
  | 'invalid-credentials'
  | 'account-disabled'
  | 'account-locked'
  | 'password-expired'
  | 'must-change'
  /** No such account under the base DN (also: a DN outside it). */
  | 'not-found'
  /** A look-up matched more accounts than the bound: a misconfigured attribute, refused as a whole. */
  | 'too-many-matches'
  /** The service account lacks the right to do this. */
  | 'insufficient-rights'
  | 'other';

/** The only error type adapters throw. Its message never contains a password. */
export class DirectoryError extends Error {
  constructor(
    readonly failure: DirectoryFailure,
    message: string,
    readonly policyReasons: DirectoryPolicyReason[] = [],
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

/** The directory's own password rules, read at start, shown to users before the server refuses. */
export interface DirectoryPasswordSettings {
  minLength?: number;
  complexity?: boolean;
  historyLength?: number;
}

/** Entries per page of an expiring search, unless the query says otherwise. */
export const DEFAULT_EXPIRY_PAGE_SIZE = 500;

export type PasswordExpiryQuery =
  /**
   * Enabled accounts, not "must change", whose password expires within [from, to] by the
   * directory's own policy. Found server-side (a range filter on the change time) and read page by
   * page (the paged-results control), so memory stays flat whatever the size of the directory.
   */
  | { expiringBetween: { from: Date; to: Date }; pageSize?: number }
  /** These accounts (DNs), whatever their state or expiry: `/password status`. */
  | { dns: string[] };

export interface Directory {
  /**
   * Accounts whose mail attribute equals `mail` (case-insensitive), together with every account
   * that shares their link value. Returned once each, the directly matched ones first, each
   * saying how it was found.
   */
  findAccountsByMail(mail: string): Promise<FoundAccount[]>;

  /** Accounts whose username (uid / sAMAccountName / userPrincipalName) equals `username`, plus linked ones. */
  findAccountsByUsername(username: string): Promise<FoundAccount[]>;

  /** Re-reads one account by DN; undefined when it no longer exists. */
  getAccount(dn: string): Promise<Account | undefined>;

  /** Administrative reset by the service account (OpenLDAP: RFC 3062; AD: unicodePwd). Not "must change". */
  resetPassword(dn: string, newPassword: string): Promise<void>;

  /** A person's own change: proves the old password and sets the new one in one operation. */
  changePassword(dn: string, oldPassword: string, newPassword: string): Promise<void>;

  /** Help desk: set a temporary password that must be changed at the next login. */
  setTemporaryPassword(dn: string, temporaryPassword: string): Promise<void>;

  /** True when `password` binds as `dn`; false for wrong credentials. Throws DirectoryError for anything else. */
  verifyPassword(dn: string, password: string): Promise<boolean>;

  /** Streams accounts with their password's last change and expiry (see PasswordExpiryQuery). */
  passwordExpiries(query: PasswordExpiryQuery): AsyncIterable<Account>;

  /** The server's own password settings, where it publishes them (AD domain object). */
  passwordSettings(): Promise<DirectoryPasswordSettings>;

  /** Closes pooled connections. */
  close(): Promise<void>;

  /**
   * Help desk: why the help desk may not set a password on `dn`, or undefined when it may. Checks
   * the service account's own entry, membership of any group in `protectedGroupDns` (which may lie
   * anywhere in the directory; nested groups count) and, on AD, `adminCount=1`. Throws
   * DirectoryError when it cannot tell (a protected group that cannot be read counts as "cannot tell").
   */
  helpdeskProtection(dn: string, protectedGroupDns: readonly string[]): Promise<AccountProtection | undefined>;

  /**
   * Clears a lockout after failed logins (AD: `lockoutTime=0`; OpenLDAP: removes a temporary
   * `pwdAccountLockedTime`). Never enables a disabled account: on OpenLDAP the permanent lock
   * 000001010000Z throws 'account-disabled'. Not locked: nothing is written.
   */
  unlockAccount(dn: string): Promise<void>;

  /**
   * How many wrong passwords lock `dn`, and how many the directory has counted lately (OpenLDAP:
   * `pwdMaxFailure` of the account's ppolicy and its `pwdFailureTime` values; AD: the
   * fine-grained policy's `msDS-LockoutThreshold` where one applies, else the domain's
   * `lockoutThreshold`, and `badPwdCount` within the observation window).
   */
  lockoutStatus(dn: string): Promise<LockoutStatus>;

  /**
   * Service (impersonal) accounts under the service base DN whose owner attribute holds one of
   * `ownerDns` (the DNs of one person's own accounts). Empty when no service base is configured.
   */
  findOwnedServiceAccounts(ownerDns: string[]): Promise<Account[]>;

  /**
   * Sets a new password on a service account as the service account, only when `dn` lies under
   * the service base DN and its owner attribute holds one of `ownerDns` at the time of the write;
   * otherwise throws 'not-found' and changes nothing. Never "must change".
   */
  resetServiceAccountPassword(dn: string, ownerDns: string[], newPassword: string): Promise<void>;
}

/** What stands between an account and a lockout by failed logins. */
export interface LockoutStatus {
  /**
   * Wrong passwords that lock the account; 'never' when its policy does not lock; 'unknown' when
   * the policy could not be read (e.g. no LDAP_PPOLICY_DN, or a fine-grained policy the service
   * account may not read): callers then assume the strictest threshold they allow for.
   */
  threshold: number | 'never' | 'unknown';
  /** Wrong passwords the directory has counted towards that threshold and still counts. */
  failures: number;
}

/** Why the help desk may not touch an account. */
export type AccountProtection =
  /** The account passdesk itself binds as. */
  | { reason: 'service-account' }
  /** A member (directly or through nested groups) of one of HELPDESK_PROTECTED_GROUPS. */
  | { reason: 'protected-group'; groupDn: string }
  /** AD: `adminCount=1`, set on members of the built-in administrative groups. */
  | { reason: 'admin-count' };
