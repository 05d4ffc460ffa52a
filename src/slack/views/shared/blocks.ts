import type { types } from '@slack/bolt';

/** Small Block Kit helpers, so view builders read as what the person sees. */

export type Block = types.KnownBlock;

export function text(markdown: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown } };
}

export function note(markdown: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: markdown }] };
}

export function bullets(items: string[]): string {
  return items.map((item) => `•  ${item}`).join('\n');
}

export function textInput(options: {
  blockId: string;
  actionId: string;
  label: string;
  hint?: string;
  maxLength?: number;
  optional?: boolean;
}): Block {
  return {
    type: 'input',
    block_id: options.blockId,
    label: { type: 'plain_text', text: options.label },
    hint: options.hint ? { type: 'plain_text', text: options.hint } : undefined,
    optional: options.optional,
    element: {
      type: 'plain_text_input',
      action_id: options.actionId,
      max_length: options.maxLength,
    },
  };
}

/** A choice among options (`value` is what the listener reads back; `text` what people read). */
export interface InputOption {
  value: string;
  text: string;
}

/** One workspace member to pick. */
export function userSelect(options: { blockId: string; label: string; optional?: boolean }): Block {
  return {
    type: 'input',
    block_id: options.blockId,
    label: { type: 'plain_text', text: options.label },
    optional: options.optional,
    element: { type: 'users_select', action_id: INPUT_ACTION },
  };
}

/** Exactly one of `choices`. */
export function radioInput(options: { blockId: string; label: string; choices: InputOption[] }): Block {
  return {
    type: 'input',
    block_id: options.blockId,
    label: { type: 'plain_text', text: options.label },
    element: { type: 'radio_buttons', action_id: INPUT_ACTION, options: options.choices.map(option) },
  };
}

/** Any of `choices`; `checked` are ticked to begin with. */
export function checkboxInput(options: { blockId: string; label: string; choices: InputOption[]; checked?: string[]; optional?: boolean }): Block {
  const initial = options.choices.filter((choice) => options.checked?.includes(choice.value)).map(option);
  return {
    type: 'input',
    block_id: options.blockId,
    label: { type: 'plain_text', text: options.label },
    optional: options.optional,
    element: {
      type: 'checkboxes',
      action_id: INPUT_ACTION,
      options: options.choices.map(option),
      initial_options: initial.length > 0 ? initial : undefined,
    },
  };
}

function option(choice: InputOption): types.PlainTextOption {
  return { text: { type: 'plain_text', text: choice.text }, value: choice.value };
}

/** One of `choices` from a drop-down; `chosen` is selected when the modal opens. */
export function selectInput(options: { blockId: string; label: string; choices: InputOption[]; chosen?: string }): Block {
  const chosen = options.choices.find((choice) => choice.value === options.chosen);
  return {
    type: 'input',
    block_id: options.blockId,
    label: { type: 'plain_text', text: options.label },
    element: {
      type: 'static_select',
      action_id: INPUT_ACTION,
      options: options.choices.map(option),
      ...(chosen ? { initial_option: option(chosen) } : {}),
    },
  };
}

export function button(actionId: string, label: string): Block {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: actionId, text: { type: 'plain_text', text: label } }],
  };
}

/** Slack escapes: user-controlled text shown in mrkdwn must not turn into links or mentions. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function modal(options: {
  callbackId: string;
  title: string;
  blocks: Block[];
  submit?: string;
  close: string;
}): types.ModalView {
  return {
    type: 'modal',
    callback_id: options.callbackId,
    title: { type: 'plain_text', text: options.title.slice(0, 24) },
    submit: options.submit ? { type: 'plain_text', text: options.submit } : undefined,
    close: { type: 'plain_text', text: options.close },
    blocks: options.blocks,
  };
}

/** Every input's element uses this action id; the block id tells inputs apart. */
export const INPUT_ACTION = 'value';
