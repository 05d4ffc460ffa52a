import type { DirectoryPolicyReason } from '../directory/directory';
import type { PolicyRule } from '../policy/policy';

/** Every text a person can see, in one shape; `en.ts`, `it.ts` and `pl.ts` fill it. */
export interface Messages {
  modalTitle: string;
  continue: string;
  cancel: string;
  close: string;
  loading: string;

  accountsIntro: string;
  /** Shown under the account list when some accounts of the person are left out (disabled). */
  accountsSkipped: (accounts: string) => string;

  identityIntro: string;
  phoneDigitsLabel: string;
  phoneDigitsHint: string;
  challengeLabel: (question: string) => string;
  phoneDigitsFormat: string;
  phoneDigitsWrong: string;
  challengeWrong: string;

  codeIntro: (phoneEnding: string, minutes: number) => string;
  codeLabel: string;
  codeFormat: string;
  codeWrong: (attemptsLeft: number) => string;
  resendButton: string;
  resent: (phoneEnding: string) => string;
  resendCooldown: (seconds: number) => string;

  newPasswordIntro: string;
  slackCannotMask: string;
  newPasswordLabel: string;
  confirmPasswordLabel: string;
  passwordsDiffer: string;
  passwordRefused: string;
  retrySamePassword: string;
  rule: (rule: PolicyRule) => string;

  doneTitle: string;
  doneChanged: (accounts: string) => string;
  partialChanged: (changed: string, failed: string) => string;
  defaultSuccessNotes: string[];

  /** Why the flow cannot go on, each with what to do instead. */
  ended: {
    noVerifiedEmail: string;
    noAccount: string;
    noPhone: string;
    accountDisabled: string;
    rateLimited: string;
    directoryUnavailable: string;
    smsFailed: string;
    codeExpired: string;
    tooManyCodeAttempts: string;
    tooManyIdentityAttempts: string;
    flowExpired: string;
    alreadyInProgress: string;
    unexpected: string;
  };
  helpdeskHint: (contact: string) => string;

  triggerExpired: string;
  working: string;

  /** The SMS text; the only place a code is ever written out. */
  smsBody: (code: string, minutes: number) => string;
  directoryRefused: string;
  directoryReason: (reason: DirectoryPolicyReason) => string;
  directoryUnavailableInline: string;
  /** An account was removed or disabled during the flow. */
  accountsChanged: string;

  changedNotice: {
    subject: string;
    text: (accounts: string, whenUtc: string, contact: string) => string;
  };
}
