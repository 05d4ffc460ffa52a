import type { AuditTrail } from '../../audit/audit-trail';
import type { Locale } from '../../config';
import type { Logger } from '../../log/logger';
import type { DirectMessenger } from '../../notification/direct-messenger';

/** What every journey's listeners need besides their journey; built once in `passdesk.ts`. */
export interface SlackDeps {
  messenger: DirectMessenger;
  audit: AuditTrail;
  defaultLocale: Locale;
  logger: Logger;
}
