import type { ModalJourneyMessages } from '../common/messages';

/** What a journey that verifies by SMS words itself: the accounts the code is about, and the SMS. */
export interface VerifiedJourneyMessages extends ModalJourneyMessages {
  /** Above the accounts on the code screen. */
  accountsIntro: string;
  /** Under them, when some accounts of the person are left out (disabled). */
  accountsSkipped: (accounts: string) => string;
  /** The SMS text; the only place a code is ever written out. */
  smsBody: (code: string, minutes: number) => string;
}

/** The texts of the identity check and the SMS code, shared by every journey that sends one. */
export interface SmsVerificationMessages {
  identityIntro: string;
  /** Whose phone gets the code: the account's mail (masked), or null when it has none. */
  phoneOwner: (maskedMail: string | null) => string;
  phoneDigitsLabel: string;
  phoneDigitsHint: string;
  challengeLabel: (question: string) => string;
  phoneDigitsFormat: string;
  /** One message for a wrong answer, whether the digits or the result was wrong. */
  identityWrong: (newQuestion: boolean) => string;
  codeIntro: (phoneEnding: string, account: string, minutes: number) => string;
  codeLabel: string;
  codeFormat: string;
  codeWrong: (attemptsLeft: number) => string;
  resendButton: string;
  resent: (phoneEnding: string) => string;
  resendCooldown: (seconds: number) => string;
  /** Why the identity check or the code stops the flow, in every journey that sends one. */
  ended: {
    noPhone: string;
    rateLimited: string;
    smsFailed: string;
    /** The registered phone is in a country codes are not sent to. */
    smsCountryNotAllowed: string;
    codeExpired: string;
    tooManyCodeAttempts: string;
    tooManyIdentityAttempts: string;
  };
}
