import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { requestIdOf } from '../../shared/request-context';
import type { MenuEntry } from '../menu/menu-entry';

/**
 * A reminder's (or `/password status`'s) button that opens one `/password` menu entry in a new modal,
 * as `/password change` or `/password reset` would.
 */
export function openEntryClicked(entry: MenuEntry) {
  return async ({ ack, body, client, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!teamId) return;
    await entry.openModal({ client, triggerId: body.trigger_id, who: { teamId, userId: body.user.id, requestId: requestIdOf(context) } });
  };
}
