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
  /** Its own end texts; the others are `common.ended` and `smsVerification.ended`. */
  ended: {
    accountDisabled: string;
    notLocked: string;
  };
}
