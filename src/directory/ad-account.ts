/**
 * Reads one Active Directory user entry into an Account: which attributes to ask for and what
 * their values mean (userAccountControl bits, pwdLastSet, lockout, computed expiry).
 */
import { AndFilter, EqualityFilter, type Entry, PresenceFilter } from 'ldapts';
import type { Account } from './directory';
import { entryValues, firstValue } from './entry-values';
import { personKind } from './account-kind';
import { dateToFileTime, fileTimeToDate, parseTicks } from './ad-time';

/** userAccountControl: ACCOUNTDISABLE. */
export const UF_ACCOUNTDISABLE = 0x2;
/** userAccountControl: DONT_EXPIRE_PASSWD. */
export const UF_DONT_EXPIRE_PASSWD = 0x1_0000;
/** msDS-User-Account-Control-Computed: the server's own "locked now" (honours fine-grained policies). */
const UF_LOCKOUT = 0x10;

const COMPUTED_CONTROL = 'msDS-User-Account-Control-Computed';

/** Only people with a login name: not computers (which are also objectClass=user), contacts or groups. */
export const PEOPLE_FILTER = new AndFilter({
  filters: [
    new EqualityFilter({ attribute: 'objectCategory', value: 'person' }),
    new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
    new PresenceFilter({ attribute: 'sAMAccountName' }),
  ],
});
const COMPUTED_EXPIRY = 'msDS-UserPasswordExpiryTimeComputed';

/** Which attributes hold the deployment-specific values. */
export interface AdAttributeNames {
  mailAttr: string;
  phoneAttr: string;
  linkAttr?: string;
  /** `LDAP_KIND_ATTR`: staff or student. */
  kindAttr?: string;
  /** Also read `proxyAddresses` (Exchange "smtp:" aliases) for the mail. */
  matchProxyAddresses: boolean;
}

/** What the mapping needs besides the entry, for servers that do not send the computed lockout bit. */
export interface AdLockoutFallback {
  now: Date;
  /** The domain's lockoutDuration in milliseconds (Infinity or 0: until an administrator unlocks). */
  lockoutDurationMs: number;
}

/** Every attribute `accountFromEntry` reads. */
export function accountAttributes(names: AdAttributeNames): string[] {
  const attributes = [
    'sAMAccountName', 'userPrincipalName', 'displayName', 'givenName', 'sn', 'cn',
    'userAccountControl', 'pwdLastSet', 'lockoutTime', COMPUTED_CONTROL, COMPUTED_EXPIRY,
    names.mailAttr, names.phoneAttr,
  ];
  if (names.linkAttr) attributes.push(names.linkAttr);
  if (names.kindAttr) attributes.push(names.kindAttr);
  if (names.matchProxyAddresses) attributes.push('proxyAddresses');
  return [...new Set(attributes)];
}

/** True when the entry carries the server-computed lockout state (the fallback is then not needed). */
export function hasComputedLockout(entry: Entry): boolean {
  return firstValue(entry, COMPUTED_CONTROL) !== undefined;
}

/** userAccountControl has ACCOUNTDISABLE. */
export function isDisabled(entry: Entry): boolean {
  return (Number(firstValue(entry, 'userAccountControl') ?? '0') & UF_ACCOUNTDISABLE) !== 0;
}

/** The Account for a user entry; undefined for an entry without a login name (not a login account). */
export function accountFromEntry(entry: Entry, names: AdAttributeNames, fallback?: AdLockoutFallback): Account | undefined {
  const username = firstValue(entry, 'sAMAccountName');
  if (username === undefined) return undefined;
  const givenName = firstValue(entry, 'givenName');
  const surname = firstValue(entry, 'sn');
  const displayName = firstValue(entry, 'displayName')
    ?? ([givenName, surname].filter(Boolean).join(' ') || firstValue(entry, 'cn') || username);
  const userAccountControl = Number(firstValue(entry, 'userAccountControl') ?? '0');
  const principalName = firstValue(entry, 'userPrincipalName');
  const kind = personKind(names.kindAttr ? firstValue(entry, names.kindAttr) : undefined);

  return {
    dn: entry.dn,
    username,
    displayName,
    nameParts: nameParts([givenName, surname, firstValue(entry, 'displayName')]),
    mail: firstValue(entry, names.mailAttr) ?? primarySmtpAddress(entry) ?? '',
    phone: firstValue(entry, names.phoneAttr),
    linkValue: names.linkAttr ? firstValue(entry, names.linkAttr) : undefined,
    disabled: isDisabled(entry),
    locked: isLocked(entry, fallback),
    mustChange: firstValue(entry, 'pwdLastSet') === '0',
    // pwdLastSet 0 means "must change", not a date: fileTimeToDate gives null for it.
    passwordChangedAt: fileTimeToDate(firstValue(entry, 'pwdLastSet')),
    passwordExpiresAt: (userAccountControl & UF_DONT_EXPIRE_PASSWD) !== 0
      ? null
      : fileTimeToDate(firstValue(entry, COMPUTED_EXPIRY)),
    ...(principalName && principalName.toLowerCase() !== username.toLowerCase() ? { principalName } : {}),
    ...(kind ? { kind } : {}),
  };
}

function isLocked(entry: Entry, fallback: AdLockoutFallback | undefined): boolean {
  const computed = firstValue(entry, COMPUTED_CONTROL);
  if (computed !== undefined) return (Number(computed) & UF_LOCKOUT) !== 0;

  // lockoutTime stays set after the lockout has run out (until the next good logon).
  const lockoutTime = parseTicks(firstValue(entry, 'lockoutTime'));
  if (lockoutTime === undefined || lockoutTime <= 0n) return false;
  if (!fallback || !Number.isFinite(fallback.lockoutDurationMs) || fallback.lockoutDurationMs === 0) return true;
  const endsAt = lockoutTime + BigInt(fallback.lockoutDurationMs) * 10_000n;
  return endsAt > dateToFileTime(fallback.now);
}

/** Words of the given name, surname and display name, once each (case-insensitive). */
function nameParts(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const value of values) {
    for (const part of (value ?? '').split(/[\s,.\-_#]+/u)) {
      if (part && !seen.has(part.toLowerCase())) {
        seen.add(part.toLowerCase());
        parts.push(part);
      }
    }
  }
  return parts;
}

/** The primary address among `proxyAddresses` (upper-case "SMTP:" prefix). */
function primarySmtpAddress(entry: Entry): string | undefined {
  return entryValues(entry, 'proxyAddresses').find((value) => value.startsWith('SMTP:'))?.slice('SMTP:'.length);
}
