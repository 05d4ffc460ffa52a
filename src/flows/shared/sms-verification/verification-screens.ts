/** The identity and code screens, as plain data; each journey's screens include them. */

/**
 * The identity check. It names no account: the accounts are shown only once it has passed, and
 * a wrong answer gets one message whichever answer was wrong.
 */
export interface IdentityScreen {
  step: 'identity';
  /** Whose phone gets the code: the mail of that account, masked; null when it has none. */
  phoneOwnerMail: string | null;
  /** The arithmetic question, or null when the challenge is off. */
  challenge: string | null;
  errors?: IdentityErrors;
}

/** `format`: not 3 digits (nothing was checked). `wrongAnswer`: digits or result wrong, never saying which. */
export type IdentityErrors = { phoneDigits?: 'format'; wrongAnswer?: true };

export interface CodeScreen {
  step: 'code';
  /** The accounts the flow is about (listed now that the identity check passed). */
  accounts: string[];
  /** Accounts of the person left out (disabled). */
  skipped: string[];
  /** Last two digits of the phone the code went to. */
  phoneEnding: string;
  /** The username of the account that phone is registered on. */
  phoneOwner: string;
  minutes: number;
  notice?: { kind: 'resent' } | { kind: 'cooldown'; seconds: number };
  error?: { kind: 'format' } | { kind: 'wrong'; attemptsLeft: number };
}

/** Why a verification stops the flow; each journey words these in its own texts. */
export type VerificationEndReason =
  | 'no-phone'
  | 'rate-limited'
  | 'directory-unavailable'
  | 'sms-failed'
  /** The registered phone is outside `SMS_ALLOWED_COUNTRIES` (or its country is unknown). */
  | 'sms-country-not-allowed'
  | 'code-expired'
  | 'too-many-code-attempts'
  | 'too-many-identity-attempts';

/** What the screens say about the flow's accounts, as the journey describes them. */
export interface VerificationSubject {
  accounts: string[];
  skipped: string[];
  /** The account the phone is registered on: its username, and its mail (masked) or null. */
  phoneOwner: string;
  phoneOwnerMail: string | null;
}
