import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FlowKey } from '../../flows/shared/flow-repository';
import type { Outcome } from '../../flows/shared/outcome';
import { messagesFor } from '../../i18n';
import { waitingView } from '../views/shared/modal-screens';
import { answerSubmission } from './answer-submission';
import type { ModalJourney } from './modal-journey';
import { requestIdOf } from './request-context';
import { safeOutcome } from './safe-outcome';
import type { SlackDeps } from './slack-deps';
import { modalFlowKey } from './view-input';

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/**
 * The listener for one step of a modal journey: reads the flow key from Slack's payload, runs
 * the step (a throw becomes the "unexpected" screen), answers within Slack's deadline.
 */
export function stepSubmitted<Screen>(
  deps: SlackDeps,
  journey: ModalJourney<Screen>,
  step: (key: FlowKey, requestId: string, view: ViewArgs['view']) => Promise<Outcome<Screen>>,
) {
  return async ({ ack, body, view, client, context }: ViewArgs): Promise<void> => {
    const requestId = requestIdOf(context);
    const key = modalFlowKey(body, view);
    const who = { teamId: key.teamId, userId: key.userId, requestId };
    const work = safeOutcome(deps, journey.auditPrefix, who, () => step(key, requestId, view)).then(journey.present);
    const messages = messagesFor(deps.defaultLocale);
    await answerSubmission({
      ack,
      client,
      viewId: view.id,
      work,
      working: waitingView({ callbackId: view.callback_id, title: journey.title(messages), text: messages.common.working,
        common: messages.common }),
      logger: deps.logger.child({ requestId }),
    });
  };
}
