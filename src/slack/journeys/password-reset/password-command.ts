import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { openModalThenUpdate } from '../../shared/open-modal';
import { requestIdOf } from '../../shared/request-context';
import { resolveRequester } from '../../shared/requester';
import { loadingView } from '../../views/password-reset/render-reset-screen';
import type { PasswordResetListenerDeps } from './deps';

/** `/password`: the modal opens at once; the person's accounts are looked up after. */
export function passwordCommand(deps: PasswordResetListenerDeps) {
  return async ({ ack, body, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const who = { teamId: body.team_id, userId: body.user_id, requestId: requestIdOf(context) };
    await openModalThenUpdate(deps, deps.modal, {
      client,
      triggerId: body.trigger_id,
      who,
      loading: loadingView,
      retryNote: (messages) => messages.passwordReset.triggerExpired,
      start: async (viewId) => {
        const requester = await resolveRequester(client, who, deps.defaultLocale);
        return deps.journey.start({ teamId: who.teamId, userId: who.userId, id: viewId }, requester);
      },
    });
  };
}
