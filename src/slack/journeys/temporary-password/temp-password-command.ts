import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { requestIdOf } from '../../shared/request-context';
import type { TemporaryPasswordListenerDeps } from './deps';
import { openHelpDesk } from './open-help-desk';

/** `/temp-password [@person | username | email]`. */
export function tempPasswordCommand(deps: TemporaryPasswordListenerDeps) {
  return async ({ ack, body, client, context, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await openHelpDesk(deps, {
      client,
      triggerId: body.trigger_id,
      who: { teamId: body.team_id, userId: body.user_id, requestId: requestIdOf(context) },
      query: { text: body.text },
      respond: (text) => respond({ response_type: 'ephemeral', text }),
    });
  };
}
