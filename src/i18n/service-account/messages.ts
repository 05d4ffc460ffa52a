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
  ended: {
    noVerifiedEmail: string;
    noAccount: string;
    accountDisabled: string;
    noServiceAccounts: string;
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
