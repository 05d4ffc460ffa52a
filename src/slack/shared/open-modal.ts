import type { types, webApi } from '@slack/bolt';
import { slackActor } from '../../audit/actor';
import type { Outcome } from '../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../i18n';
import type { ModalJourney } from './modal-journey';
import { resolveRequester } from './requester';
import { safeOutcome } from './safe-outcome';
import { slackErrorCode } from './slack-error';
import type { SlackDeps } from './slack-deps';

/**
 * Starts a modal journey from a command or shortcut: opens a "loading" modal at once (a trigger
 * id lives 3 s), then runs `start` (directory look-ups and the like) and updates the modal with
 * its outcome. When the modal cannot open in time, the person is told to try again (a DM, or the
 * command's ephemeral reply).
 */
export async function openModalThenUpdate<Screen>(
  deps: SlackDeps,
  journey: ModalJourney<Screen>,
  options: {
    client: webApi.WebClient;
    triggerId: string;
    who: { teamId: string; userId: string; requestId: string };
    loading(messages: Messages): types.ModalView;
    /** The note sent when the trigger expired before the modal opened. */
    retryNote(messages: Messages): string;
    /**
     * Where that note goes: by default a DM; a command passes its ephemeral reply (`respond`),
     * so the person reads it where they typed.
     */
    tellWithoutModal?(text: string): Promise<unknown>;
    start(viewId: string): Promise<Outcome<Screen>>;
    /**
     * Update only if the modal is still as opened (Slack's view hash): a modal the person has
     * already moved on from (a menu entry clicked) is left alone.
     */
    onlyIfUnchanged?: boolean;
  },
): Promise<void> {
  const { client, who } = options;
  const logger = deps.logger.child({ requestId: who.requestId });
  let viewId: string | undefined;
  let hash: string | undefined;
  try {
    const opened = await client.views.open({ trigger_id: options.triggerId, view: options.loading(messagesFor(deps.defaultLocale)) });
    viewId = opened.view?.id;
    hash = opened.view?.hash;
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn({ slackError: code }, 'could not open the modal');
    await deps.audit
      .record({ actor: slackActor(who), action: `${journey.auditPrefix}.modal-failed`, result: 'failed',
        detail: { slackError: code }, requestId: who.requestId })
      .catch(() => undefined);
    if (code === 'expired_trigger_id') {
      const locale = await resolveRequester(client, who, deps.defaultLocale)
        .then((requester) => requester.locale)
        .catch(() => deps.defaultLocale);
      const note = options.retryNote(messagesFor(locale));
      const tell = options.tellWithoutModal ?? ((text: string) => deps.messenger.sendDirectMessage(who.userId, text));
      await tell(note)
        .catch((noteError: unknown) => logger.warn({ slackError: slackErrorCode(noteError) }, 'could not send the retry note'));
    }
    return;
  }
  if (!viewId) return;
  const openedViewId = viewId;

  const outcome = await safeOutcome(deps, journey.auditPrefix, who, () => options.start(openedViewId));
  try {
    const guard = options.onlyIfUnchanged && hash ? { hash } : {};
    await client.views.update({ view_id: openedViewId, view: journey.present(outcome)(true).view, ...guard });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'hash_conflict') logger.debug('the modal changed meanwhile; not updated');
    else logger.error({ slackError: code }, 'could not update the modal');
  }
}
