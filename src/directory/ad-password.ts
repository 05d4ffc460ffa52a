/**
 * Passwords as Active Directory sees them: the `unicodePwd` wire value, the domain's password
 * rules, and which rule a refused password most likely broke when the server does not say
 * (Windows answers every policy refusal with the same `0000052D`; Samba names the rule).
 */
import { type ComplexitySubject, meetsDirectoryComplexity } from '../policy/directory-complexity';
import type { DirectoryPolicyReason } from './directory';

/** The domain object's password and lockout settings (the naming context root). */
export interface AdDomainPolicy {
  minLength: number;
  /** pwdProperties bit 1 (DOMAIN_PASSWORD_COMPLEX). */
  complexity: boolean;
  historyLength: number;
  /** Minimum password age in milliseconds (0: may change at once). */
  minAgeMs: number;
  /** How long a lockout lasts in milliseconds; Infinity or 0 means until an administrator unlocks. */
  lockoutDurationMs: number;
}

/** Whose password it is, for the complexity rule that forbids the account and display names. */
export interface AdPasswordSubject {
  username: string;
  displayName: string;
}

/** `unicodePwd` takes the password in double quotes, encoded UTF-16LE. */
export function encodeUnicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/**
 * The likely reasons for a policy refusal that came without any: the rules the password visibly
 * breaks; otherwise the ones only the server can check (history, and for a change the minimum age).
 */
export function inferPolicyReasons(
  password: string,
  subject: AdPasswordSubject,
  policy: AdDomainPolicy,
  operation: 'reset' | 'change',
): DirectoryPolicyReason[] {
  const visible: DirectoryPolicyReason[] = [];
  if ([...password].length < policy.minLength) visible.push('too-short');
  if (policy.complexity && !meetsDirectoryComplexity(password, complexitySubject(subject))) visible.push('complexity');
  if (visible.length > 0) return visible;

  const hidden: DirectoryPolicyReason[] = [];
  if (policy.historyLength > 0) hidden.push('in-history');
  if (operation === 'change' && policy.minAgeMs > 0) hidden.push('too-young');
  return hidden.length > 0 ? hidden : ['other'];
}

/** AD compares the password with the account name whole and with the display name's tokens. */
function complexitySubject(subject: AdPasswordSubject): ComplexitySubject {
  return { usernames: [subject.username], nameParts: [subject.displayName] };
}
