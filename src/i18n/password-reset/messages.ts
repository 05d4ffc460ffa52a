import type { VerifiedJourneyMessages } from '../sms-verification/messages';

/** The texts of `/password` (forgot password, SMS code). */
export interface PasswordResetMessages extends VerifiedJourneyMessages {
  newPasswordIntro: string;
  retrySamePassword: string;

  doneTitle: string;
  doneChanged: (accounts: string) => string;
  partialChanged: (changed: string, failed: string) => string;
  /** Some accounts changed and this flow cannot finish the rest (its state could not be kept). */
  doneIncomplete: (changed: string, notChanged: string) => string;

  /** An account was removed or disabled during the flow. */
  accountsChanged: string;

  /**
   * The reset's own end texts; the others are `common.ended` and `smsVerification.ended`. All but
   * `accountDisabled` reword a shared reason to name the reset ("This reset has been stopped").
   */
  ended: {
    accountDisabled: string;
    rateLimited: string;
    tooManyCodeAttempts: string;
    tooManyIdentityAttempts: string;
    flowExpired: string;
    flowUnreadable: string;
  };
}
