import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Locale } from '../../config';
import type { Directory } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { Mailer } from '../../mail/mailer';
import type { ChangeNotices } from '../../notification/change-notices';
import type { DirectMessenger } from '../../notification/direct-messenger';
import type { PolicySubject } from '../../policy/policy';
import type { Limiter } from '../../regulation/limiter';
import type { SmsDestinations } from '../../sms/sms-destinations';
import type { SmsSender } from '../../sms/sms-sender';
import type { FlowRepository } from '../shared/flow-repository';
import type { HelpdeskOperators } from './operators';
import type { TemporaryPasswordLimits } from './temporary-password-limits';
import type { Delivery, TemporaryPasswordState, Verification } from './temporary-password-state';

/** A chat user as the help desk needs them (Slack adapter: `slack/slack-people.ts`). */
export interface ChatProfile {
  /** How the help desk names them to others (the operator's name in the person's notice). */
  name: string;
  /** Only an email the chat service has confirmed. */
  confirmedEmail?: string;
  locale?: Locale;
}

export interface ChatPeople {
  /** Undefined for unknown, deleted or bot users. */
  profile(userId: string): Promise<ChatProfile | undefined>;
  /** The user whose profile email is `mail`; undefined when none. */
  findByEmail(mail: string): Promise<string | undefined>;
}

/** One issued password or refusal, for the help desk's log channel: never the password or the phone. */
export interface HelpdeskLogEntry {
  kind: 'issued' | 'refused';
  operatorUserId: string;
  /** As shown elsewhere: `username (masked mail)`. */
  accounts: string[];
  verification?: Verification;
  ticket?: string | null;
  delivery?: Delivery;
  /** `ok`, `partly`, or why it was refused (`not-operator`, `protected`, `rate-limited-operator`, ...). */
  result: string;
}

/** Where help-desk actions are posted (Slack: HELPDESK_LOG_CHANNEL, `slack/slack-helpdesk-log.ts`). */
export interface HelpdeskLog {
  post(entry: HelpdeskLogEntry): Promise<void>;
}

export interface TemporaryPasswordSettings {
  /** HELPDESK_PROTECTED_GROUPS. */
  protectedGroups: string[];
  /** The code read back by the caller: lifetime (at most 10 minutes) and wrong tries. */
  codeTtlMinutes: number;
  codeMaxAttempts: number;
  flowTtlMinutes: number;
  helpdeskContact: string | undefined;
  /** For people whose chat language is unknown. */
  defaultLocale: Locale;
}

export interface TemporaryPasswordDeps {
  directory: Directory;
  flows: FlowRepository<TemporaryPasswordState>;
  operators: HelpdeskOperators;
  people: ChatPeople;
  sms: SmsSender;
  /** SMS_ALLOWED_COUNTRIES: where a code or a password may be sent. */
  smsDestinations: SmsDestinations;
  messenger: DirectMessenger;
  mailer: Mailer;
  /** Records of the "your password changed" notices, for their "This wasn't me" button. */
  changeNotices: ChangeNotices;
  helpdeskLog: HelpdeskLog;
  policy: { generate(subject: PolicySubject): string };
  limiter: Limiter;
  limits: TemporaryPasswordLimits;
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  settings: TemporaryPasswordSettings;
  /** Server secret that keys code hashes. */
  secretKey: string;
}

/** The operator, as the Slack edge established them. */
export interface Operator {
  teamId: string;
  userId: string;
  name: string;
  locale: Locale;
  requestId: string;
}

/** Whom the operator named: a chat user, or typed text (a username, an email, or a mention). */
export interface PersonQuery {
  slackUserId?: string;
  text?: string;
}
