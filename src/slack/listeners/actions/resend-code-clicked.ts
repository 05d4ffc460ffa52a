import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../answer-submission';
import type { ListenerDeps } from '../listener-deps';
import { requestIdOf } from '../middleware/request-context';
import { safeOutcome } from '../safe-outcome';

/** "Send a new code" on the code step: a new code after the cooldown; failures keep counting. */
export function resendCodeClicked(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const requestId = requestIdOf(context);
    const logger = deps.logger.child({ requestId });
    const ref = { teamId: body.team?.id ?? view.team_id, userId: body.user.id, viewId: view.id };
    const outcome = await safeOutcome(deps, { ...ref, requestId }, () => deps.journey.resendCode(ref, requestId));
    try {
      await client.views.update({ view_id: view.id, view: deps.present(outcome)(true).view });
    } catch (error) {
      logger.error({ slackError: slackErrorCode(error) }, 'could not update the modal after a resend');
    }
  };
}
