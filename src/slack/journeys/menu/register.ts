import type { App, BlockButtonAction } from '@slack/bolt';
import type { MenuJourney, MenuScreen } from '../../../flows/menu/menu-journey';
import type { Limiter } from '../../../regulation/limiter';
import { DAY_MS, type LimitRule } from '../../../regulation/limit-rule';
import type { ModalJourney } from '../../shared/modal-journey';
import { openModalThenUpdate } from '../../shared/open-modal';
import { requestIdOf } from '../../shared/request-context';
import { resolveRequester } from '../../shared/requester';
import { slackErrorCode } from '../../shared/slack-error';
import type { SlackDeps } from '../../shared/slack-deps';
import { menuAction } from '../../views/menu/ids';
import { menuView, presentMenu } from '../../views/menu/render-menu';
import type { MenuEntry } from './menu-entry';
import { passwordCommand, type Subcommand } from './password-command';

/** One choice per menu: a double click starts one journey, not two. */
export const ONE_CHOICE: LimitRule = { name: 'menu-choice', limit: 1, windowMs: DAY_MS };

/**
 * `/password`: the menu (opened at once, with no look-up first), each entry's button and
 * shortcut. `entries` are the journeys' own; `others` are further sub-commands (e.g. `status`).
 */
export function registerMenu(
  app: App,
  deps: SlackDeps & { menu: MenuJourney; limiter: Limiter; helpdeskContact: string | undefined },
  entries: MenuEntry[],
  others: Record<string, Subcommand> = {},
): void {
  const modal: ModalJourney<MenuScreen> = {
    auditPrefix: 'password-menu',
    present: (outcome) => presentMenu(deps.helpdeskContact, outcome),
    title: (messages) => messages.menu.modalTitle,
  };
  const openMenu: Subcommand = ({ client, triggerId, who }) => openModalThenUpdate(deps, modal, {
    client,
    triggerId,
    who,
    loading: (messages) => menuView(deps.menu.firstScreen(deps.defaultLocale).screen, messages),
    retryNote: (messages) => messages.menu.triggerExpired,
    start: async () => {
      // Slack failing to say who this is only leaves the menu in the default language, without the owners' entry.
      const requester = await resolveRequester(client, who, deps.defaultLocale).catch((error: unknown) => {
        deps.logger.warn({ requestId: who.requestId, slackError: slackErrorCode(error) }, 'could not read the Slack profile for the menu');
        return undefined;
      });
      return requester ? deps.menu.start(requester) : deps.menu.firstScreen(deps.defaultLocale);
    },
    onlyIfUnchanged: true,
  });
  app.command('/password', passwordCommand(openMenu, entries, others));

  for (const entry of entries) {
    app.action<BlockButtonAction>(menuAction(entry.name), async ({ ack, body, client, context }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      const who = { teamId: body.team?.id ?? view.team_id, userId: body.user.id, requestId: requestIdOf(context) };
      const chosen = await deps.limiter.consume(ONE_CHOICE, { slackUser: `${who.teamId}:${who.userId}:${view.id}` });
      if (!chosen) return;
      await entry.takeOver({ client, viewId: view.id, who });
    });
  }
}
