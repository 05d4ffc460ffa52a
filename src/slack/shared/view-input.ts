import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FlowKey } from '../../flows/shared/flow-repository';
import { INPUT_ACTION } from '../views/shared/blocks';

type ViewArgs = SlackViewMiddlewareArgs;

/** The typed value of one input block of the submitted view ('' when absent). */
export function inputValue(view: ViewArgs['view'], blockId: string): string {
  return view.state.values[blockId]?.[INPUT_ACTION]?.value ?? '';
}

/** The member picked in a `users_select` input; undefined when none. */
export function selectedUser(view: ViewArgs['view'], blockId: string): string | undefined {
  return view.state.values[blockId]?.[INPUT_ACTION]?.selected_user ?? undefined;
}

/** The value of the option chosen in a radio or static select input; undefined when none. */
export function selectedValue(view: ViewArgs['view'], blockId: string): string | undefined {
  return view.state.values[blockId]?.[INPUT_ACTION]?.selected_option?.value ?? undefined;
}

/** The values of the options ticked in a checkboxes input. */
export function selectedValues(view: ViewArgs['view'], blockId: string): string[] {
  return (view.state.values[blockId]?.[INPUT_ACTION]?.selected_options ?? []).map((option) => option.value);
}

/** The flow a modal belongs to: team, user and view, all from Slack's signed payload. */
export function modalFlowKey(body: { team?: { id: string } | null; user: { id: string } }, view: { id: string; team_id: string }): FlowKey {
  return { teamId: body.team?.id ?? view.team_id, userId: body.user.id, id: view.id };
}
