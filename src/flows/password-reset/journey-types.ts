import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Config, Locale } from '../../config';
import type { Directory } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { PolicyCheckResult, PolicyRule, PolicySubject } from '../../policy/policy';
import type { Limiter } from '../../regulation/limiter';
import type { SmsDestinations } from '../../sms/sms-destinations';
import type { SmsSender } from '../../sms/sms-sender';
import type { FlowRepository } from '../shared/flow-repository';
import type { ResetLimits } from './reset-limits';
import type { ResetState } from './reset-state';

export interface PasswordRules {
  rules(): PolicyRule[];
  check(password: string, subject: PolicySubject): PolicyCheckResult;
}

export interface PasswordResetDeps {
  directory: Directory;
  flows: FlowRepository<ResetState>;
  sms: SmsSender;
  /** Where a code may be sent (`SMS_ALLOWED_COUNTRIES`). */
  smsDestinations: SmsDestinations;
  policy: PasswordRules;
  limiter: Limiter;
  limits: ResetLimits;
  audit: AuditTrail;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  clock: Clock;
  logger: Logger;
  settings: Config['reset'];
  /** DEFAULT_LOCALE: the language of answers given without a flow (expired, unreadable). */
  defaultLocale: Locale;
  /** Server secret that keys code hashes and password fingerprints. */
  secretKey: string;
}
