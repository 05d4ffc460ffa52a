import type { Subcommand } from '../menu/password-command';
import { resolveRequester } from '../../shared/requester';
import { slackErrorCode } from '../../shared/slack-error';
import { statusMessage } from '../../views/expiry-reminders/status-message';
import type { ExpiryReminderListenerDeps } from './deps';

/** `/password status`: the person's accounts with their password dates, only to them (ephemeral). */
export function passwordStatusCommand(deps: ExpiryReminderListenerDeps): Subcommand {
  return async ({ client, respond, who }) => {
    try {
      const requester = await resolveRequester(client, who, deps.defaultLocale);
      const outcome = await deps.status.forRequester(requester);
      const message = statusMessage(outcome, { timeZone: deps.timeZone, helpdeskContact: deps.helpdeskContact, now: deps.clock.now() });
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      deps.logger.error({ requestId: who.requestId, err: slackErrorCode(error) }, 'password status failed');
    }
  };
}
