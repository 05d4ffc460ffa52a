import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackActor } from '../../../audit/actor';
import { messagesFor } from '../../../i18n';
import { slackErrorCode } from '../../answer-submission';
import { resolveRequester } from '../../requester';
import { loadingView } from '../../views/password-reset-view';
import type { ListenerDeps } from '../listener-deps';
import { requestIdOf } from '../middleware/request-context';
import { safeOutcome } from '../safe-outcome';

/**
 * `/password`: ack and open the modal at once (a trigger id lives 3 s), then look the person up
 * and update the modal with the first step.
 */
export function passwordCommand(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const requestId = requestIdOf(context);
    const logger = deps.logger.child({ requestId });
    const ids = { teamId: body.team_id, userId: body.user_id, requestId };

    let viewId: string | undefined;
    try {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingView(messagesFor(deps.defaultLocale)) });
      viewId = opened.view?.id;
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn({ slackError: code }, 'could not open the password modal');
      await deps.audit
        .record({ actor: slackActor(ids), action: 'password-reset.modal-failed', result: 'failed',
          detail: { slackError: code }, requestId })
        .catch(() => undefined);
      if (code === 'expired_trigger_id') {
        const locale = await resolveRequester(client, ids, deps.defaultLocale)
          .then((requester) => requester.locale)
          .catch(() => deps.defaultLocale);
        await deps.messenger
          .sendDirectMessage(body.user_id, messagesFor(locale).triggerExpired)
          .catch((dmError: unknown) => logger.warn({ slackError: slackErrorCode(dmError) }, 'could not send the retry note'));
      }
      return;
    }
    if (!viewId) return;

    const outcome = await safeOutcome(deps, ids, async () => {
      const requester = await resolveRequester(client, ids, deps.defaultLocale);
      return deps.journey.start({ teamId: ids.teamId, userId: ids.userId, viewId }, requester);
    });

    try {
      await client.views.update({ view_id: viewId, view: deps.present(outcome)(true).view });
    } catch (error) {
      logger.error({ slackError: slackErrorCode(error) }, 'could not update the password modal');
    }
  };
}
