import type { Clock } from '../../../clock/clock';
import type { PasswordStatus } from '../../../flows/expiry-reminders/password-status';
import type { RemindLater } from '../../../flows/expiry-reminders/remind-later';
import type { SlackDeps } from '../../shared/slack-deps';
import type { MenuEntry } from '../menu/menu-entry';

/** What `/password status` and the reminders' buttons need. */
export interface ExpiryReminderListenerDeps extends SlackDeps {
  status: PasswordStatus;
  remindLater: RemindLater;
  /** REMINDER_TZ or the server's: dates where Slack cannot show the reader's own zone. */
  timeZone: string;
  /** HELPDESK_CONTACT; unset, each language names the help desk itself. */
  helpdeskContact: string | undefined;
  clock: Clock;
}

/**
 * The buttons also open two of the `/password` menu's entries directly: "Change now" the change of a
 * password the person still knows, "Reset my password" (once it has expired) the forgot-password one.
 */
export interface ExpiryReminderButtonDeps extends ExpiryReminderListenerDeps {
  changePassword: MenuEntry;
  forgotPassword: MenuEntry;
}
