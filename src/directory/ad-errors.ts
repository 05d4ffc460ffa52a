/**
 * Reads Active Directory's refusals. AD says why a bind failed in the diagnostic text
 * (`... AcceptSecurityContext error, data 775, ...`) and why a password write failed in a leading
 * Win32 code (`0000052D: ...`). Samba adds the rule in words; Windows does not, so policy reasons
 * may come back empty and the adapter then infers them (see `ad-password.ts`).
 */
import { ResultCodeError } from 'ldapts';
import { DirectoryError, type DirectoryFailure, type DirectoryPolicyReason } from './directory';
import { describe } from './ldap-connector';

/** What a refused simple bind says about the account and the password (each is a DirectoryFailure). */
export type AdBindRefusal =
  /** 52e wrong password; 525 no such user (reported the same on purpose). */
  | 'invalid-credentials'
  /** 532: the password was right but has expired. */
  | 'password-expired'
  /** 773: the password was right but must be changed (pwdLastSet = 0). */
  | 'must-change'
  /** 533 disabled; 701 account expired (accountExpires). */
  | 'account-disabled'
  /** 775: locked out; AD says so whatever the password. */
  | 'account-locked'
  /** 530 logon hours, 531 workstation, or a code we do not know. */
  | 'other';

const BIND_REFUSALS: Record<string, AdBindRefusal> = {
  '52e': 'invalid-credentials',
  '525': 'invalid-credentials',
  '532': 'password-expired',
  '773': 'must-change',
  '533': 'account-disabled',
  '701': 'account-disabled',
  '775': 'account-locked',
};

/** Win32 codes that lead AD's password-write errors. */
const ERROR_PASSWORD_RESTRICTION = '0000052D';
const ERROR_INVALID_PASSWORD = '00000056';

/** LDAP result codes the adapter tells apart. */
const LDAP_INVALID_CREDENTIALS = 49;
const LDAP_INSUFFICIENT_ACCESS = 50;
const LDAP_NO_SUCH_OBJECT = 32;
const LDAP_BUSY = 51;
const LDAP_UNAVAILABLE = 52;

/** The `data XXX` code of a refused bind, lower-case; undefined when the text has none. */
export function bindDataCode(message: string): string | undefined {
  return /\bdata ([0-9a-f]{1,8})\b/i.exec(message)?.[1]?.toLowerCase();
}

/** Classifies a refused bind by its `data` code; a refusal without one counts as wrong credentials. */
export function bindRefusal(message: string): AdBindRefusal {
  const code = bindDataCode(message);
  if (code === undefined) return 'invalid-credentials';
  return BIND_REFUSALS[code] ?? 'other';
}

/** True for refusals that only happen after the server has accepted the password. */
export function passwordWasAccepted(refusal: AdBindRefusal): boolean {
  return refusal === 'must-change' || refusal === 'password-expired';
}

/** The rules named in Samba's refusal text; empty for Windows, which names none. */
export function policyReasonsFromText(message: string): DirectoryPolicyReason[] {
  const reasons: DirectoryPolicyReason[] = [];
  if (/too short/i.test(message)) reasons.push('too-short');
  if (/complexity/i.test(message)) reasons.push('complexity');
  if (/in history|already used/i.test(message)) reasons.push('in-history');
  if (/too young/i.test(message)) reasons.push('too-young');
  return reasons;
}

/** True when the server refused a password write because of its password policy. */
export function isPasswordPolicyRefusal(error: unknown): error is ResultCodeError {
  return error instanceof ResultCodeError && leadingWin32Code(error.message) === ERROR_PASSWORD_RESTRICTION;
}

/**
 * Any ldapts failure as a DirectoryError. `action` names what was attempted, e.g. "reset password
 * of CN=...": it goes into the message with the server's text, which never echoes a password.
 */
export function toDirectoryError(error: unknown, action: string): DirectoryError {
  if (error instanceof DirectoryError) return error;
  const message = `${action}: ${describe(error)}`;
  if (!(error instanceof ResultCodeError)) return new DirectoryError('unavailable', message);

  const win32 = leadingWin32Code(error.message);
  if (win32 === ERROR_PASSWORD_RESTRICTION) {
    return new DirectoryError('policy', message, policyReasonsFromText(error.message));
  }
  if (win32 === ERROR_INVALID_PASSWORD) return new DirectoryError('invalid-credentials', message);
  return new DirectoryError(failureForResultCode(error), message);
}

function failureForResultCode(error: ResultCodeError): DirectoryFailure {
  switch (error.code) {
    case LDAP_INVALID_CREDENTIALS:
      return bindRefusal(error.message);
    case LDAP_INSUFFICIENT_ACCESS:
      return 'insufficient-rights';
    case LDAP_NO_SUCH_OBJECT:
      return 'not-found';
    case LDAP_BUSY:
    case LDAP_UNAVAILABLE:
      return 'unavailable';
    default:
      return 'other';
  }
}

function leadingWin32Code(message: string): string | undefined {
  return /^\s*([0-9A-F]{8}):/i.exec(message)?.[1]?.toUpperCase();
}
