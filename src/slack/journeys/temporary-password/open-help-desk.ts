import type { webApi } from '@slack/bolt';
import type { PersonQuery } from '../../../flows/temporary-password/journey-types';
import { localeFromSlack } from '../../../i18n';
import { openModalThenUpdate } from '../../shared/open-modal';
import { loadingView } from '../../views/temporary-password/render-temporary-password-screen';
import type { TemporaryPasswordListenerDeps } from './deps';

/**
 * Both entries (command and shortcut): the modal opens at once (a trigger id lives 3 s); who the
 * operator is, whether they may, and the person's accounts are looked up after.
 */
export async function openHelpDesk(
  deps: TemporaryPasswordListenerDeps,
  options: {
    client: webApi.WebClient;
    triggerId: string;
    who: { teamId: string; userId: string; requestId: string };
    query: PersonQuery;
    /** The command's ephemeral reply; the shortcut has none (then a DM). */
    respond?(text: string): Promise<unknown>;
  },
): Promise<void> {
  const { client, who } = options;
  await openModalThenUpdate(deps, deps.modal, {
    client,
    triggerId: options.triggerId,
    who,
    loading: loadingView,
    retryNote: (messages) => messages.temporaryPassword.triggerExpired,
    tellWithoutModal: options.respond,
    start: async (viewId) => {
      const { user } = await client.users.info({ user: who.userId, include_locale: true });
      const operator = {
        ...who,
        name: user?.profile?.real_name || user?.real_name || user?.name || who.userId,
        locale: localeFromSlack(user?.locale, deps.defaultLocale),
      };
      return deps.journey.start({ teamId: who.teamId, userId: who.userId, id: viewId }, operator, options.query);
    },
  });
}
