import type { AuditTrail } from '../../audit/audit-trail';
import type { Config } from '../../config';
import type { ResetOutcome } from '../../flows/password-reset/journey-types';
import type { PasswordResetJourney } from '../../flows/password-reset/password-reset-journey';
import type { Logger } from '../../log/logger';
import type { DirectMessenger } from '../../notification/direct-messenger';
import type { Presentation } from '../present-reset';

/** What the Slack listeners need; built once in `slack/app.ts`. */
export interface ListenerDeps {
  journey: PasswordResetJourney;
  present(outcome: ResetOutcome): Presentation;
  messenger: DirectMessenger;
  audit: AuditTrail;
  defaultLocale: Config['defaultLocale'];
  logger: Logger;
}
