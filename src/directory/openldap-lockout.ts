/**
 * How close an OpenLDAP account is to a ppolicy lockout: the threshold of the policy that applies
 * to it (`pwdMaxFailure`, when `pwdLockout` is on) and the failures slapd still counts
 * (`pwdFailureTime` values, within `pwdFailureCountInterval` when the policy sets one).
 */
import type { Entry } from 'ldapts';
import type { LockoutStatus } from './directory';
import { entryValues } from './entry-values';
import { parseGeneralizedTime, type PasswordPolicy } from './openldap-account';

/** The entry attributes `lockoutStatusOf` reads (the policy is read separately). */
export const LOCKOUT_ATTRIBUTES = ['pwdFailureTime', 'pwdPolicySubentry'];

export function lockoutStatusOf(entry: Entry, policy: PasswordPolicy, now: Date): LockoutStatus {
  // UNKNOWN_POLICY (none configured, or unreadable) leaves `lockout` undefined.
  if (policy.lockout === undefined) return { threshold: 'unknown', failures: countFailures(entry, policy, now) };
  const maxFailure = policy.maxFailure ?? 0;
  if (!policy.lockout || maxFailure <= 0) return { threshold: 'never', failures: 0 };
  return { threshold: maxFailure, failures: countFailures(entry, policy, now) };
}

function countFailures(entry: Entry, policy: PasswordPolicy, now: Date): number {
  const intervalMs = (policy.failureCountIntervalSeconds ?? 0) * 1000;
  return entryValues(entry, 'pwdFailureTime')
    .map(parseGeneralizedTime)
    .filter((at): at is Date => at !== undefined && (intervalMs <= 0 || at.getTime() + intervalMs > now.getTime()))
    .length;
}
