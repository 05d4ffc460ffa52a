import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FlowRef, ResetOutcome } from '../../../flows/password-reset/journey-types';
import { messagesFor } from '../../../i18n';
import { answerSubmission } from '../../answer-submission';
import { workingView } from '../../views/password-reset-view';
import type { ListenerDeps } from '../listener-deps';
import { requestIdOf } from '../middleware/request-context';
import { safeOutcome } from '../safe-outcome';
import { flowRefOf } from './view-input';

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** Shared shape of the `/password` modal's submissions: run one journey step, answer Slack. */
export function resetStepSubmitted(
  deps: ListenerDeps,
  step: (ref: FlowRef, requestId: string, view: ViewArgs['view']) => Promise<ResetOutcome>,
) {
  return async ({ ack, body, view, client, context }: ViewArgs): Promise<void> => {
    const requestId = requestIdOf(context);
    const logger = deps.logger.child({ requestId });
    const ref = flowRefOf(body, view);
    const work = safeOutcome(deps, { ...ref, requestId }, () => step(ref, requestId, view)).then(deps.present);
    await answerSubmission({
      ack,
      client,
      viewId: view.id,
      work,
      working: workingView(messagesFor(deps.defaultLocale), view.callback_id),
      logger,
    });
  };
}
