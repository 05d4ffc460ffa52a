import type { App, BlockButtonAction } from '@slack/bolt';
import { CHANGE_NOW_ACTION, REMIND_LATER_ACTION, RESET_NOW_ACTION } from '../../views/expiry-reminders/ids';
import type { ExpiryReminderButtonDeps } from './deps';
import { openEntryClicked } from './open-entry-clicked';
import { remindLaterClicked } from './remind-later-clicked';

/**
 * The expiry reminders' buttons (also under `/password status`, which the menu's command
 * dispatches as its `status` sub-command): "Change now", "Reset my password", "Remind me later".
 */
export function registerExpiryReminders(app: App, deps: ExpiryReminderButtonDeps): void {
  app.action<BlockButtonAction>(CHANGE_NOW_ACTION, openEntryClicked(deps.changePassword));
  app.action<BlockButtonAction>(RESET_NOW_ACTION, openEntryClicked(deps.forgotPassword));
  app.action<BlockButtonAction>(REMIND_LATER_ACTION, remindLaterClicked(deps));
}
