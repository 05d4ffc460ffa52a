import type { PolicyRule } from '../../policy/policy';
import type { NewPasswordError } from '../shared/new-password-error';
import type { EndedScreen, LookupEndReason, Outcome } from '../shared/outcome';
import type { CodeScreen, IdentityScreen, VerificationEndReason } from '../shared/sms-verification/verification-screens';

export type ServiceScreen = IdentityScreen | CodeScreen | ServicePasswordScreen | ServiceDoneScreen | EndedScreen<ServiceEndReason>;
export type ServiceOutcome = Outcome<ServiceScreen>;

/** Which service account, and its new password twice. */
export interface ServicePasswordScreen {
  step: 'new-password';
  /** `id` is what the form sends back: a position in the flow's own list, never a DN. */
  services: { id: string; username: string }[];
  rules: PolicyRule[];
  error?:
    | { kind: 'none-chosen' }
    | NewPasswordError
    /** The directory no longer names this person as the owner (or the account is gone or disabled). */
    | { kind: 'not-owned' };
}

export interface ServiceDoneScreen {
  step: 'done';
  changed: string;
}

export type ServiceEndReason = LookupEndReason | VerificationEndReason | 'account-disabled' | 'no-service-accounts';
