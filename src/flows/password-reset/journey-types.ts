import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { PolicyCheckResult, PolicyRule, PolicySubject } from '../../policy/policy';
import type { SmsVerifiedJourneyDeps } from '../shared/sms-verification/sms-verified-journey';
import type { ResetLimits } from './reset-limits';
import type { ResetState } from './reset-state';

export interface PasswordRules {
  rules(): PolicyRule[];
  check(password: string, subject: PolicySubject): PolicyCheckResult;
}

export interface PasswordResetDeps extends SmsVerifiedJourneyDeps<ResetState> {
  policy: PasswordRules;
  limits: ResetLimits;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
}
