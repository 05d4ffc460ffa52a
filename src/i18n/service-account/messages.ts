import type { VerifiedJourneyMessages } from '../sms-verification/messages';

/** The texts of "manage a service account". */
export interface ServiceAccountMessages extends VerifiedJourneyMessages {
  serviceLabel: string;
  newPasswordIntro: string;
  noneChosen: string;
  notOwned: string;
  doneTitle: string;
  doneChanged: (account: string) => string;
  /** Its own end texts; the others are `common.ended` and `smsVerification.ended`. */
  ended: {
    accountDisabled: string;
    noServiceAccounts: string;
  };
}
