import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messagesFor } from '../../../i18n';
import { dateWords, formatDate } from '../../../i18n/dates';
import { requestIdOf } from '../../shared/request-context';
import { slackErrorCode } from '../../shared/slack-error';
import { snoozedReminderMessage } from '../../views/expiry-reminders/reminder-message';
import type { ExpiryReminderListenerDeps } from './deps';

/** "Remind me later": snoozes until the next window and says when, in the reminder itself. */
export function remindLaterClicked(deps: ExpiryReminderListenerDeps) {
  return async ({ ack, body, action, client, context, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const requestId = requestIdOf(context);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    try {
      const outcome = await deps.remindLater.snooze({ teamId, userId: body.user.id, requestId }, action.value ?? '');
      if (outcome.kind === 'unknown') {
        await respond({ response_type: 'ephemeral', replace_original: false, text: messagesFor(deps.defaultLocale).expiryReminders.reminderGone });
        return;
      }
      const words = messagesFor(outcome.locale).expiryReminders;
      if (outcome.kind === 'too-late') {
        await respond({ response_type: 'ephemeral', replace_original: false, text: words.tooLateToSnooze });
        return;
      }
      const channel = body.channel?.id ?? body.container?.channel_id;
      const ts = body.message?.ts ?? body.container?.message_ts;
      if (!channel || !ts) return;
      const when = dateWords(formatDate(outcome.locale, outcome.until, outcome.timeZone), outcome.until, outcome.timeZone);
      const updated = snoozedReminderMessage(body.message ?? {}, words.snoozed(when), words.changeNow);
      await client.chat.update({ channel, ts, text: updated.text, blocks: updated.blocks });
    } catch (error) {
      deps.logger.error({ requestId, err: slackErrorCode(error) }, 'remind me later failed');
    }
  };
}
