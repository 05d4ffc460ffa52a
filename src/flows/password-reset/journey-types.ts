import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Config, Locale } from '../../config';
import type { Directory } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { PolicyCheckResult, PolicyRule, PolicySubject } from '../../policy/policy';
import type { Limiter } from '../../regulation/limiter';
import type { SmsSender } from '../../sms/sms-sender';
import type { FlowRepository } from './flow-repository';
import type { ResetScreen } from './reset-screen';

/** The person asking, as the Slack edge established it. */
export interface Requester {
  teamId: string;
  userId: string;
  /** The Slack profile's email, only when Slack marks it confirmed; never typed by the user. */
  verifiedEmail?: string;
  locale: Locale;
  requestId: string;
}

/** Which flow a step belongs to: the modal the person has open. */
export interface FlowRef {
  teamId: string;
  userId: string;
  viewId: string;
}

export interface PasswordRules {
  rules(): PolicyRule[];
  check(password: string, subject: PolicySubject): PolicyCheckResult;
}

export interface PasswordResetDeps {
  directory: Directory;
  flows: FlowRepository;
  sms: SmsSender;
  policy: PasswordRules;
  limiter: Limiter;
  audit: AuditTrail;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  clock: Clock;
  logger: Logger;
  settings: Config['reset'];
  /** Server secret that keys code hashes and password fingerprints. */
  secretKey: string;
}

export interface ResetOutcome {
  locale: Locale;
  screen: ResetScreen;
}
