import type { Locale } from '../../../config';
import { formatDateTimeInZone } from '../../../i18n/dates';

/**
 * A date Slack shows in the reader's own time zone (`<!date^…>`), with the same date written out
 * in `timeZone` where Slack cannot format it (notifications, old clients).
 */
export function slackDate(date: Date, locale: Locale, timeZone: string): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_long} {time}|${formatDateTimeInZone(locale, date, timeZone)}>`;
}
