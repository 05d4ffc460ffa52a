/**
 * Reading OpenLDAP entries: attribute values as ldapts returns them, generalized times, ppolicy
 * policy entries, and the Account (with its password state) built from a person's entry.
 */
import type { Entry } from 'ldapts';
import { personKind } from './account-kind';
import type { Account } from './directory';
import { entryValues, firstValue } from './entry-values';

/** ppolicy's "locked until an administrator unlocks" time: how OpenLDAP marks a disabled account. */
export const DISABLED_LOCK_TIME = '000001010000Z';

/** Operational attributes that carry an account's password state (ppolicy). */
export const PASSWORD_STATE_ATTRIBUTES = ['pwdAccountLockedTime', 'pwdReset', 'pwdChangedTime', 'pwdPolicySubentry'];

export const POLICY_ATTRIBUTES = [
  'pwdMaxAge', 'pwdLockoutDuration', 'pwdMinLength', 'pwdInHistory', 'pwdCheckQuality', 'pwdUseCheckModule', 'pwdCheckModule',
  'pwdLockout', 'pwdMaxFailure', 'pwdFailureCountInterval',
];

export interface AccountAttributeNames {
  mail: string;
  phone: string;
  link?: string;
  /** `LDAP_KIND_ATTR`: staff or student. */
  kind?: string;
}

/** The parts of a ppolicy policy entry passdesk uses; absent or unreadable values are undefined. */
export interface PasswordPolicy {
  maxAgeSeconds?: number;
  lockoutDurationSeconds?: number;
  minLength?: number;
  inHistory?: number;
  checkQuality?: number;
  /** A quality-checking module is configured (pwdUseCheckModule / pwdCheckModule). */
  hasCheckModule: boolean;
  /** pwdLockout: failed binds lock the account (after pwdMaxFailure of them). */
  lockout?: boolean;
  maxFailure?: number;
  /** pwdFailureCountInterval: failures older than this no longer count (0 or absent: they all do). */
  failureCountIntervalSeconds?: number;
}

export const UNKNOWN_POLICY: PasswordPolicy = { hasCheckModule: false };

export function accountAttributes(names: AccountAttributeNames): string[] {
  const attributes = ['uid', 'cn', 'sn', 'givenName', 'displayName', names.mail, names.phone, ...PASSWORD_STATE_ATTRIBUTES];
  if (names.link) attributes.push(names.link);
  if (names.kind) attributes.push(names.kind);
  return attributes;
}

function integerValue(entry: Entry, name: string): number | undefined {
  const value = firstValue(entry, name);
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

/** RFC 4517 GeneralizedTime (e.g. 20260101120000Z, 202601011200.5+0100); undefined when malformed. */
export function parseGeneralizedTime(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter maps years 0-99 to 1900-1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute ?? 0), Number(second ?? 0), 0);
  if (fraction !== undefined) {
    const unitMs = second !== undefined ? 1_000 : minute !== undefined ? 60_000 : 3_600_000;
    date.setTime(date.getTime() + Math.round(Number(`0.${fraction}`) * unitMs));
  }
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5) || 0);
    date.setTime(date.getTime() - sign * offsetMinutes * 60_000);
  }
  return date;
}

export function readPolicy(entry: Entry): PasswordPolicy {
  return {
    maxAgeSeconds: integerValue(entry, 'pwdMaxAge'),
    lockoutDurationSeconds: integerValue(entry, 'pwdLockoutDuration'),
    minLength: integerValue(entry, 'pwdMinLength'),
    inHistory: integerValue(entry, 'pwdInHistory'),
    checkQuality: integerValue(entry, 'pwdCheckQuality'),
    hasCheckModule: firstValue(entry, 'pwdUseCheckModule')?.toUpperCase() === 'TRUE'
      || firstValue(entry, 'pwdCheckModule') !== undefined,
    lockout: firstValue(entry, 'pwdLockout')?.toUpperCase() === 'TRUE',
    maxFailure: integerValue(entry, 'pwdMaxFailure'),
    failureCountIntervalSeconds: integerValue(entry, 'pwdFailureCountInterval'),
  };
}

/** pwdChangedTime (slapd sets it on every password change); null when absent. */
export function passwordChangedAt(entry: Entry): Date | null {
  const changedTime = firstValue(entry, 'pwdChangedTime');
  return (changedTime === undefined ? undefined : parseGeneralizedTime(changedTime)) ?? null;
}

export interface PasswordState {
  disabled: boolean;
  locked: boolean;
  mustChange: boolean;
  passwordExpiresAt: Date | null;
}

/**
 * - disabled: pwdAccountLockedTime is 000001010000Z;
 * - locked: any other pwdAccountLockedTime, until pwdLockoutDuration has passed since then
 *   (for ever when the policy sets no duration, as ppolicy does);
 * - mustChange: pwdReset is TRUE;
 * - passwordExpiresAt: pwdChangedTime + pwdMaxAge; null without either (or with pwdMaxAge 0).
 * Grace logins (pwdGraceAuthNLimit) are not considered.
 */
export function passwordState(entry: Entry, policy: PasswordPolicy, now: Date): PasswordState {
  const lockedTime = firstValue(entry, 'pwdAccountLockedTime');
  const disabled = lockedTime === DISABLED_LOCK_TIME;
  let locked = false;
  if (lockedTime !== undefined && !disabled) {
    const since = parseGeneralizedTime(lockedTime);
    const durationSeconds = policy.lockoutDurationSeconds ?? 0;
    locked = since === undefined || durationSeconds <= 0 || since.getTime() + durationSeconds * 1000 > now.getTime();
  }
  const changedAt = passwordChangedAt(entry);
  const maxAgeSeconds = policy.maxAgeSeconds ?? 0;
  return {
    disabled,
    locked,
    mustChange: firstValue(entry, 'pwdReset')?.toUpperCase() === 'TRUE',
    passwordExpiresAt: changedAt && maxAgeSeconds > 0 ? new Date(changedAt.getTime() + maxAgeSeconds * 1000) : null,
  };
}

/** The Account for a person's entry; undefined for an entry without a uid (not a login account). */
export function toAccount(entry: Entry, names: AccountAttributeNames, policy: PasswordPolicy, now: Date): Account | undefined {
  const username = firstValue(entry, 'uid');
  if (username === undefined) return undefined;
  const givenNames = entryValues(entry, 'givenName');
  const surnames = entryValues(entry, 'sn');
  const commonName = firstValue(entry, 'cn');
  const displayName = firstValue(entry, 'displayName') ?? commonName ?? [...givenNames, ...surnames].join(' ');
  const nameParts = uniqueIgnoringCase([...givenNames, ...surnames, ...(commonName?.split(/\s+/) ?? [])]);
  return {
    dn: entry.dn,
    username,
    displayName: displayName || username,
    nameParts,
    mail: firstValue(entry, names.mail) ?? '',
    phone: firstValue(entry, names.phone),
    linkValue: names.link ? firstValue(entry, names.link) : undefined,
    ...passwordState(entry, policy, now),
    passwordChangedAt: passwordChangedAt(entry),
    ...withKind(names.kind ? firstValue(entry, names.kind) : undefined),
  };
}

function withKind(value: string | undefined): Pick<Account, 'kind'> {
  const kind = personKind(value);
  return kind ? { kind } : {};
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
