/** The texts of `/password` (forgot password, SMS code). */
export interface PasswordResetMessages {
  modalTitle: string;
  loading: string;

  accountsIntro: string;
  /** Shown under the account list when some accounts of the person are left out (disabled). */
  accountsSkipped: (accounts: string) => string;



  newPasswordIntro: string;
  retrySamePassword: string;

  doneTitle: string;
  doneChanged: (accounts: string) => string;
  partialChanged: (changed: string, failed: string) => string;
  /** Some accounts changed and this flow cannot finish the rest (its state could not be kept). */
  doneIncomplete: (changed: string, notChanged: string) => string;

  triggerExpired: string;
  /** The SMS text; the only place a code is ever written out. */
  smsBody: (code: string, minutes: number) => string;
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
