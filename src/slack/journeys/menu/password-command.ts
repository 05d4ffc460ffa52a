import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { requestIdOf } from '../../shared/request-context';
import type { MenuEntry, Who } from './menu-entry';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What `/password <word>` does; the empty word opens the menu. `respond` answers through the command's response_url. */
export type Subcommand = (args: {
  client: CommandArgs['client'];
  respond: CommandArgs['respond'];
  triggerId: string;
  who: Who;
  text: string;
}) => Promise<void>;

/**
 * `/password` and its sub-commands, dispatched in this one place: the menu, each entry's
 * shortcut (`/password change`, `username`, `unlock`), and any other sub-command a journey adds
 * (e.g. `status`). An unknown word opens the menu.
 */
export function passwordCommand(openMenu: Subcommand, entries: MenuEntry[], others: Record<string, Subcommand> = {}) {
  const subcommands: Record<string, Subcommand> = { ...others };
  for (const entry of entries) {
    if (entry.shortcut) subcommands[entry.shortcut] = (args) => entry.openModal(args);
  }
  return async ({ ack, body, client, context, respond }: CommandArgs): Promise<void> => {
    await ack();
    const who = { teamId: body.team_id, userId: body.user_id, requestId: requestIdOf(context) };
    const [word = '', ...rest] = body.text.trim().split(/\s+/);
    const run = Object.hasOwn(subcommands, word.toLowerCase()) ? subcommands[word.toLowerCase()] : openMenu;
    await run({ client, respond, triggerId: body.trigger_id, who, text: rest.join(' ') });
  };
}
