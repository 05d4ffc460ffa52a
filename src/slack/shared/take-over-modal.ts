import type { types, webApi } from '@slack/bolt';
import type { Outcome } from '../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../i18n';
import type { ModalJourney } from './modal-journey';
import { safeOutcome } from './safe-outcome';
import { slackErrorCode } from './slack-error';
import type { SlackDeps } from './slack-deps';

/**
 * Starts a journey inside a modal that is already open (an entry clicked in the `/password`
 * menu): shows its "loading" screen at once, runs `start`, then shows its first step. The flow
 * is keyed by the same view id, so the journey's later steps work as if it had opened the modal.
 */
export async function takeOverModal<Screen>(
  deps: SlackDeps,
  journey: ModalJourney<Screen>,
  options: {
    client: webApi.WebClient;
    viewId: string;
    who: { teamId: string; userId: string; requestId: string };
    loading(messages: Messages): types.ModalView;
    start(viewId: string): Promise<Outcome<Screen>>;
  },
): Promise<void> {
  const { client, viewId, who } = options;
  const logger = deps.logger.child({ requestId: who.requestId });
  try {
    await client.views.update({ view_id: viewId, view: options.loading(messagesFor(deps.defaultLocale)) });
  } catch (error) {
    // The modal was closed meanwhile: nothing to start.
    logger.warn({ slackError: slackErrorCode(error) }, 'could not switch the modal');
    return;
  }
  const outcome = await safeOutcome(deps, journey.auditPrefix, who, () => options.start(viewId));
  try {
    await client.views.update({ view_id: viewId, view: journey.present(outcome)(true).view });
  } catch (error) {
    logger.error({ slackError: slackErrorCode(error) }, 'could not update the modal');
  }
}
