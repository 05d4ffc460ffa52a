/** The texts of "manage a service account". */
export interface ServiceAccountMessages {
  modalTitle: string;
  loading: string;
  accountsIntro: string;
  accountsSkipped: (accounts: string) => string;
  serviceLabel: string;
  newPasswordIntro: string;
  noneChosen: string;
  notOwned: string;
  doneTitle: string;
  doneChanged: (account: string) => string;
  triggerExpired: string;
  smsBody: (code: string, minutes: number) => string;
  /** Its own end texts; the others are `common.ended` and `smsVerification.ended`. */
  ended: {
    accountDisabled: string;
    noServiceAccounts: string;
  };
}
