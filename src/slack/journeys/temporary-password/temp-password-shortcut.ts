import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { requestIdOf } from '../../shared/request-context';
import type { TemporaryPasswordListenerDeps } from './deps';
import { openHelpDesk } from './open-help-desk';

/** The global shortcut "Temporary password" (⚡ menu): the same modal, starting with "whose password?". */
export function tempPasswordShortcut(deps: TemporaryPasswordListenerDeps) {
  return async ({ ack, body, client, context }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await openHelpDesk(deps, {
      client,
      triggerId: body.trigger_id,
      who: { teamId: body.team?.id ?? '', userId: body.user.id, requestId: requestIdOf(context) },
      query: {},
    });
  };
}
