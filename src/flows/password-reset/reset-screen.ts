import type { DirectoryPolicyReason } from '../../directory/directory';
import { maskMail } from '../../log/mask';
import type { PolicyRule } from '../../policy/policy';
import type { EndedScreen, Outcome } from '../shared/outcome';
import type { FlowAccount, ResetState } from './reset-state';

/**
 * What the person should see next, as plain data. The Slack edge renders it; the journey
 * never knows about blocks or views.
 */
export type ResetScreen =
  | IdentityScreen
  | CodeScreen
  | NewPasswordScreen
  | DoneScreen
  | EndedScreen<ResetEndReason>;

export type ResetOutcome = Outcome<ResetScreen>;

/**
 * The identity check. It names no account: the usernames are shown only once it has passed, and
 * a wrong answer gets one message whichever answer was wrong.
 */
export interface IdentityScreen {
  step: 'identity';
  /** Whose phone gets the code: the mail of that account, masked; null when it has none. */
  phoneOwnerMail: string | null;
  /** The arithmetic question, or null when the challenge is off. */
  challenge: string | null;
  /** `format`: not 3 digits (nothing was checked). `wrongAnswer`: digits or result wrong, never saying which. */
  errors?: { phoneDigits?: 'format'; wrongAnswer?: true };
}

export interface CodeScreen {
  step: 'code';
  /** The accounts the new password will be set on (listed now that the identity check passed). */
  accounts: string[];
  /** Usernames of the person's disabled accounts, which will not change. */
  skipped: string[];
  /** Last two digits of the phone the code went to. */
  phoneEnding: string;
  /** The username of the account that phone is registered on. */
  phoneOwner: string;
  minutes: number;
  notice?: { kind: 'resent' } | { kind: 'cooldown'; seconds: number };
  error?: { kind: 'format' } | { kind: 'wrong'; attemptsLeft: number };
}

export interface NewPasswordScreen {
  step: 'new-password';
  accounts: string[];
  rules: PolicyRule[];
  error?:
    | { kind: 'mismatch' }
    | { kind: 'unmet'; rules: PolicyRule[] }
    | { kind: 'directory-refused'; reasons: DirectoryPolicyReason[] }
    | { kind: 'not-same-as-before' }
    | { kind: 'directory-unavailable' }
    | { kind: 'accounts-changed' }
    /** Another submission is changing the accounts right now: wait, then submit again. */
    | { kind: 'busy' };
  /** After a partial failure: what changed and what did not. */
  partial?: { changed: string[]; failed: string[] };
}

export interface DoneScreen {
  step: 'done';
  changed: string[];
  /**
   * Accounts left unchanged when the flow cannot take a retry (its state could not be kept):
   * the person is told which, and to ask the help desk. Empty when every account changed.
   */
  notChanged: string[];
}

/** Why a reset cannot go on, beyond the reasons every journey has. */
export type ResetEndReason =
  | 'no-verified-email'
  | 'no-account'
  /** The confirmed email matches several people (entries not linked to each other). */
  | 'ambiguous-mail'
  | 'no-phone'
  | 'account-disabled'
  | 'rate-limited'
  | 'directory-unavailable'
  | 'sms-failed'
  /** The registered phone is outside `SMS_ALLOWED_COUNTRIES` (or its country is unknown). */
  | 'sms-country-not-allowed'
  | 'code-expired'
  | 'too-many-code-attempts'
  | 'too-many-identity-attempts';

export type EndReason = EndedScreen<ResetEndReason>['reason'];

export function identityScreen(
  state: ResetState,
  errors?: IdentityScreen['errors'],
): ResetScreen {
  const owner = phoneAccountOf(state);
  return {
    step: 'identity',
    phoneOwnerMail: owner?.mail ? maskMail(owner.mail) : null,
    challenge: state.challengeQuestion,
    errors,
  };
}

export function codeScreen(
  state: ResetState,
  minutes: number,
  notice?: CodeScreen['notice'],
  error?: CodeScreen['error'],
): ResetScreen {
  return {
    step: 'code',
    accounts: state.accounts.map(describeAccount),
    skipped: state.skipped,
    phoneEnding: state.phoneEnding ?? '',
    phoneOwner: phoneAccountOf(state)?.username ?? '',
    minutes,
    notice,
    error,
  };
}

function phoneAccountOf(state: ResetState): FlowAccount | undefined {
  return state.accounts.find((account) => account.dn === state.phoneAccountDn);
}

/** The username with its mail masked: enough to recognise one's accounts, not to harvest addresses. */
function describeAccount(account: FlowAccount): string {
  return account.mail ? `${account.username} (${maskMail(account.mail)})` : account.username;
}
