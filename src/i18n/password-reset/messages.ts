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

  /** Why the flow cannot go on, each with what to do instead. */
  ended: {
    noVerifiedEmail: string;
    noAccount: string;
    /** The confirmed email matches several people: nothing is sent or changed. */
    ambiguousMail: string;
    noPhone: string;
    accountDisabled: string;
    rateLimited: string;
    directoryUnavailable: string;
    smsFailed: string;
    /** The registered phone is in a country codes are not sent to. */
    smsCountryNotAllowed: string;
    codeExpired: string;
    tooManyCodeAttempts: string;
    tooManyIdentityAttempts: string;
    flowExpired: string;
    flowUnreadable: string;
  };
}
