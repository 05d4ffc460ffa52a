/**
 * Turns what ldapts throws while talking to OpenLDAP into the port's DirectoryError.
 * Messages carry the action and the server's diagnostic text (never a password we sent).
 */
import { PasswordPolicyError, ResultCodeError } from 'ldapts';
import { DirectoryError, type DirectoryFailure, type DirectoryPolicyReason } from './directory';
import { describe } from './ldap-connector';

// LDAP result codes (RFC 4511) that need their own mapping.
const TIME_LIMIT_EXCEEDED = 3;
const STRONGER_AUTH_REQUIRED = 8;
const CONFIDENTIALITY_REQUIRED = 13;
const CONSTRAINT_VIOLATION = 19;
const NO_SUCH_OBJECT = 32;
const INVALID_CREDENTIALS = 49;
const INSUFFICIENT_ACCESS = 50;
const BUSY = 51;
const UNAVAILABLE = 52;

const POLICY_REASONS: Partial<Record<number, DirectoryPolicyReason>> = {
  [PasswordPolicyError.InsufficientPasswordQuality]: 'complexity',
  [PasswordPolicyError.PasswordTooShort]: 'too-short',
  [PasswordPolicyError.PasswordTooYoung]: 'too-young',
  [PasswordPolicyError.PasswordInHistory]: 'in-history',
  [PasswordPolicyError.MustSupplyOldPassword]: 'other',
  [PasswordPolicyError.PasswordModNotAllowed]: 'other',
};

const ACCOUNT_FAILURES: Partial<Record<number, DirectoryFailure>> = {
  [PasswordPolicyError.PasswordExpired]: 'password-expired',
  [PasswordPolicyError.AccountLocked]: 'account-locked',
  [PasswordPolicyError.ChangeAfterReset]: 'must-change',
};

/**
 * @param ppolicyError the error of the ppolicy response control, when the server sent one: the
 *   reliable reason for a refused password; without it the diagnostic text is read.
 */
export function toDirectoryError(error: unknown, action: string, ppolicyError?: number): DirectoryError {
  if (error instanceof DirectoryError) return error;
  const message = `${action} failed: ${describe(error)}`;
  if (!(error instanceof ResultCodeError)) {
    // No LDAP result: connection refused or reset, TLS failure, timeout.
    return new DirectoryError('unavailable', message);
  }
  if (ppolicyError !== undefined) {
    const reason = POLICY_REASONS[ppolicyError];
    if (reason) return new DirectoryError('policy', message, [reason]);
    const failure = ACCOUNT_FAILURES[ppolicyError];
    if (failure) return new DirectoryError(failure, message);
  }
  switch (error.code) {
    case CONSTRAINT_VIOLATION:
      return new DirectoryError('policy', message, [reasonFromText(error.message)]);
    case NO_SUCH_OBJECT:
      return new DirectoryError('not-found', message);
    case INVALID_CREDENTIALS:
      return new DirectoryError('invalid-credentials', message);
    case INSUFFICIENT_ACCESS:
      return new DirectoryError('insufficient-rights', message);
    case TIME_LIMIT_EXCEEDED:
    case STRONGER_AUTH_REQUIRED:
    case CONFIDENTIALITY_REQUIRED:
    case BUSY:
    case UNAVAILABLE:
      return new DirectoryError('unavailable', message);
    default:
      return new DirectoryError('other', message);
  }
}

/** slapd's ppolicy diagnostic texts, for a constraint violation that came without the control. */
function reasonFromText(text: string): DirectoryPolicyReason {
  if (/history/i.test(text)) return 'in-history';
  if (/too young/i.test(text)) return 'too-young';
  if (/too short/i.test(text)) return 'too-short';
  if (/quality/i.test(text)) return 'complexity';
  return 'other';
}
