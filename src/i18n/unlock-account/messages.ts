/** The texts of "my account is locked". */
export interface UnlockAccountMessages {
  modalTitle: string;
  loading: string;
  accountsIntro: string;
  accountsSkipped: (accounts: string) => string;
  doneTitle: string;
  unlocked: (accounts: string) => string;
  notLocked: (accounts: string) => string;
  disabled: (accounts: string) => string;
  failed: (accounts: string) => string;
  passwordUnchanged: string;
  triggerExpired: string;
  smsBody: (code: string, minutes: number) => string;
  ended: {
    noVerifiedEmail: string;
    noAccount: string;
    accountDisabled: string;
    notLocked: string;
    noPhone: string;
    rateLimited: string;
    directoryUnavailable: string;
    smsFailed: string;
    smsCountryNotAllowed: string;
    codeExpired: string;
    tooManyCodeAttempts: string;
    tooManyIdentityAttempts: string;
    flowExpired: string;
    flowUnreadable: string;
  };
}
