import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FlowKey } from '../../flows/shared/flow-repository';
import { INPUT_ACTION } from '../views/shared/blocks';

type ViewArgs = SlackViewMiddlewareArgs;

/** The typed value of one input block of the submitted view ('' when absent). */
export function inputValue(view: ViewArgs['view'], blockId: string): string {
  return view.state.values[blockId]?.[INPUT_ACTION]?.value ?? '';
}

/** The flow a modal belongs to: team, user and view, all from Slack's signed payload. */
export function modalFlowKey(body: { team?: { id: string } | null; user: { id: string } }, view: { id: string; team_id: string }): FlowKey {
  return { teamId: body.team?.id ?? view.team_id, userId: body.user.id, id: view.id };
}
