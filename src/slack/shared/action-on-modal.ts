import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { FlowKey } from '../../flows/shared/flow-repository';
import type { Outcome } from '../../flows/shared/outcome';
import type { ModalJourney } from './modal-journey';
import { requestIdOf } from './request-context';
import { safeOutcome } from './safe-outcome';
import { slackErrorCode } from './slack-error';
import type { SlackDeps } from './slack-deps';
import { modalFlowKey } from './view-input';

/** The listener for a button inside a journey's modal: runs the step, then updates the modal. */
export function actionOnModal<Screen>(
  deps: SlackDeps,
  journey: ModalJourney<Screen>,
  step: (key: FlowKey, requestId: string) => Promise<Outcome<Screen>>,
) {
  return async ({ ack, body, client, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const requestId = requestIdOf(context);
    const key = modalFlowKey(body, view);
    const outcome = await safeOutcome(deps, journey.auditPrefix, { teamId: key.teamId, userId: key.userId, requestId },
      () => step(key, requestId));
    try {
      await client.views.update({ view_id: view.id, view: journey.present(outcome)(true).view });
    } catch (error) {
      deps.logger.child({ requestId }).error({ slackError: slackErrorCode(error) }, 'could not update the modal after an action');
    }
  };
}
