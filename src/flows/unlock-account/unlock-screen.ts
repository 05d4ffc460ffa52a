import type { EndedScreen, LookupEndReason, Outcome } from '../shared/outcome';
import type { CodeScreen, IdentityScreen, VerificationEndReason } from '../shared/sms-verification/verification-screens';

export type UnlockScreen = IdentityScreen | CodeScreen | UnlockDoneScreen | EndedScreen<UnlockEndReason>;
export type UnlockOutcome = Outcome<UnlockScreen>;

/** What the unlock did, account by account. The password is unchanged. */
export interface UnlockDoneScreen {
  step: 'done';
  unlocked: string[];
  /** No longer locked when the code was checked (the lockout ran out): nothing written. */
  notLocked: string[];
  /** Disabled: refused, whatever their lockout. */
  disabled: string[];
  /** The directory refused or could not be reached: still locked. */
  failed: string[];
}

export type UnlockEndReason =
  | LookupEndReason
  | VerificationEndReason
  | 'account-disabled'
  /** None of the person's accounts is locked: nothing to do, no SMS sent. */
  | 'not-locked';
