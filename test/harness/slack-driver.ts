import type { FakeSocketMode } from './fake-socket-mode';
import { type ButtonTarget, type DriverSettings, type SlackResponse, SlackDriver, type ViewValues } from '../../src/demo/slack-api/slack-driver';

// The driver core (payloads, HTTP signing) is shared with the demo's Slack simulator.
export * from '../../src/demo/slack-api/slack-driver';

/** The same interactions delivered as Socket Mode envelopes through the fake; resolves with the app's ack. */
export class SocketModeDriver extends SlackDriver {
  constructor(private readonly socket: DriverSettings & { socketMode: FakeSocketMode; ackTimeoutMs?: number }) {
    super(socket);
  }

  protected async deliver(kind: 'command' | 'interactive', payload: Record<string, unknown>): Promise<SlackResponse> {
    const type = kind === 'command' ? 'slash_commands' : 'interactive';
    const ack = await this.socket.socketMode.deliver(type, payload, this.socket.ackTimeoutMs);
    return { status: 200, body: ack.payload };
  }
}

// --- reading a modal as a user does ---

interface BlockLike {
  type?: string;
  block_id?: string;
  label?: { text?: string };
  element?: ElementLike;
  elements?: ElementLike[];
  accessory?: ElementLike;
  text?: { text?: string };
  fields?: { text?: string }[];
}

interface ElementLike {
  type?: string;
  action_id?: string;
  text?: { type?: string; text?: string };
  value?: string;
  options?: OptionLike[];
  initial_value?: string;
  initial_option?: OptionLike;
  initial_options?: OptionLike[];
}

interface OptionLike {
  text: { type: 'plain_text'; text: string };
  value: string;
}

/**
 * Fills a modal by its visible labels, like a person would: `{'New password': 'x', 'Account': 'Staff'}`.
 * Returns state.values for every input block (unfilled ones empty, as Slack sends them). Selects and
 * radio buttons take the option's text (or value); checkboxes and multi-selects take a list.
 * An input left alone keeps its initial value, as Slack sends it.
 */
export function fillByLabel(view: { blocks: unknown[] }, answers: Record<string, string | string[]>): ViewValues {
  const inputs = (view.blocks as BlockLike[]).filter((block) => block.type === 'input');
  const labels = inputs.map((block) => block.label?.text?.trim() ?? '');
  const unknown = Object.keys(answers).filter((label) => !labels.includes(label.trim()));
  if (unknown.length > 0) {
    throw new Error(`no input labelled ${unknown.map((label) => `"${label}"`).join(', ')}; the modal has ${labels.map((label) => `"${label}"`).join(', ') || 'no inputs'}`);
  }
  const values: ViewValues = {};
  for (const block of inputs) {
    const element = block.element;
    if (!block.block_id || !element?.action_id || !element.type) throw new Error('an input block without block_id, action_id or element type');
    const label = block.label?.text?.trim() ?? '';
    const answer = Object.entries(answers).find(([key]) => key.trim() === label)?.[1];
    values[block.block_id] = { [element.action_id]: stateValue(element, label, answer) };
  }
  return values;
}

function stateValue(element: ElementLike, label: string, answer: string | string[] | undefined): ViewValues[string][string] {
  const type = element.type ?? '';
  if (answer === undefined) {
    if (element.initial_options) return { type, selected_options: element.initial_options };
    if (element.initial_option) return { type, selected_option: element.initial_option };
    if (element.initial_value !== undefined) return { type, value: element.initial_value };
  }
  const single = Array.isArray(answer) ? answer[0] : answer;
  const many = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: single ?? null };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: single === undefined ? null : optionFor(element, label, single) };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: many.map((choice) => optionFor(element, label, choice)) };
    case 'datepicker':
      return { type, selected_date: single ?? null };
    case 'timepicker':
      return { type, selected_time: single ?? null };
    case 'users_select':
      return { type, selected_user: single ?? null };
    case 'conversations_select':
      return { type, selected_conversation: single ?? null };
    default:
      throw new Error(`fillByLabel does not know how to fill a ${type} ("${label}")`);
  }
}

function optionFor(element: ElementLike, label: string, choice: string): OptionLike {
  const options = element.options ?? [];
  const found = options.find((option) => option.text.text === choice) ?? options.find((option) => option.value === choice);
  if (!found) throw new Error(`"${label}" has no option "${choice}"; it offers ${options.map((option) => `"${option.text.text}"`).join(', ')}`);
  return { text: found.text, value: found.value };
}

/** The button a user would click by its text, in actions blocks or as a section accessory. */
export function buttonByText(surface: { blocks?: unknown[] }, text: string): Required<Pick<ButtonTarget, 'actionId' | 'blockId' | 'text'>> & { value?: string } {
  const seen: string[] = [];
  for (const block of (surface.blocks ?? []) as BlockLike[]) {
    const candidates = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    for (const element of candidates) {
      if (element.type !== 'button') continue;
      const label = element.text?.text ?? '';
      seen.push(`"${label}"`);
      if (label.trim() === text.trim() && block.block_id && element.action_id) {
        return { actionId: element.action_id, blockId: block.block_id, text: label, value: element.value };
      }
    }
  }
  throw new Error(`no button "${text}"; buttons: ${seen.join(', ') || 'none'}`);
}

/** Everything a user reads in a modal or message: title, headers, sections, fields, context, labels, button texts, shown errors. */
export function visibleText(surface: { title?: { text?: string }; blocks?: unknown[]; text?: string; shownErrors?: Record<string, string> }): string {
  const parts: string[] = [];
  if (surface.title?.text) parts.push(surface.title.text);
  if (surface.text) parts.push(surface.text);
  for (const block of (surface.blocks ?? []) as BlockLike[]) {
    if (block.text?.text) parts.push(block.text.text);
    if (block.label?.text) parts.push(block.label.text);
    for (const field of block.fields ?? []) if (field.text) parts.push(field.text);
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.text?.text) parts.push(element.text.text);
      else if (typeof (element as { text?: unknown }).text === 'string') parts.push((element as { text: string }).text);
    }
  }
  for (const error of Object.values(surface.shownErrors ?? {})) parts.push(error);
  return parts.join('\n');
}
