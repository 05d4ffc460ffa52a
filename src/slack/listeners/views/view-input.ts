import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FlowRef } from '../../../flows/password-reset/journey-types';
import { INPUT_ACTION } from '../../views/ids';

type ViewArgs = SlackViewMiddlewareArgs;

/** The typed value of one input block of the submitted view ('' when absent). */
export function inputValue(view: ViewArgs['view'], blockId: string): string {
  return view.state.values[blockId]?.[INPUT_ACTION]?.value ?? '';
}

/** The flow a submission belongs to: team, user and view, all from Slack's signed payload. */
export function flowRefOf(body: ViewArgs['body'], view: ViewArgs['view']): FlowRef {
  return { teamId: body.team?.id ?? view.team_id, userId: body.user.id, viewId: view.id };
}
