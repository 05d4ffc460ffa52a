import type { VerifiedJourneyMessages } from '../sms-verification/messages';

/** The texts of "my account is locked". */
export interface UnlockAccountMessages extends VerifiedJourneyMessages {
  doneTitle: string;
  unlocked: (accounts: string) => string;
  notLocked: (accounts: string) => string;
  disabled: (accounts: string) => string;
  failed: (accounts: string) => string;
  passwordUnchanged: string;
  /** Its own end texts; the others are `common.ended` and `smsVerification.ended`. */
  ended: {
    accountDisabled: string;
    notLocked: string;
  };
}
