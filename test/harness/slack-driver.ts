import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { BlockAction, ButtonAction, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { FakeSocketMode } from './fake-socket-mode';

/** State values as Slack sends them: block_id → action_id → value. */
export type ViewValues = ViewOutput['state']['values'];

/**
 * The parts of Slack's client side a driver needs from the fake Web API (FakeSlack provides them):
 * trigger ids the app may exchange for a modal, response URLs, user names, and applying an ack
 * (close / update / push / errors) to the modal the user sees.
 */
export interface SlackSurface {
  readonly appId: string;
  readonly teamDomain: string;
  issueTriggerId(userId: string): string;
  responseUrl(): string;
  userName(userId: string): string;
  viewById(viewId: string): ViewOutput | undefined;
  applyViewResponse(userId: string, viewId: string, values: ViewValues, response: unknown): void;
}

/** What came back: HTTP status and body (JSON parsed; undefined when empty). Socket Mode: 200 and the ack payload. */
export interface SlackResponse {
  status: number;
  body: unknown;
}

/** HTTP only: how to sign (the defaults sign correctly, now). */
export interface SignOptions {
  signingSecret?: string;
  /** Added to the timestamp: -400 is stale, +400 from the future. */
  timestampOffsetSeconds?: number;
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

export interface CommandOptions extends SignOptions {
  channelId?: string;
  channelName?: string;
}

/** A button to click; `buttonByText()` returns the first four. */
export interface ButtonTarget {
  actionId: string;
  blockId: string;
  value?: string;
  text?: string;
  /** The modal the button is in (or give its id with a `slack` surface set). */
  view?: ViewOutput;
  viewId?: string;
  /** The message the button is in (e.g. a reminder DM). */
  message?: { channel: string; ts: string; text?: string; blocks?: unknown[] };
  /** What the user has typed in the modal so far (default: the view's state). */
  values?: ViewValues;
}

interface DriverSettings {
  teamId: string;
  teamDomain?: string;
  appId?: string;
  /** The fake Web API, so trigger ids are exchangeable and acks change the modal the user sees. */
  slack?: SlackSurface;
}

const VERIFICATION_TOKEN = 'fake-verification-token';

/** Builds what Slack sends for each interaction; subclasses carry it over HTTP or Socket Mode. */
abstract class SlackDriver {
  protected constructor(private readonly settings: DriverSettings) {}

  protected abstract deliver(kind: 'command' | 'interactive', payload: Record<string, unknown>, options: SignOptions): Promise<SlackResponse>;

  /** `/command text` typed by the user. */
  async slashCommand(userId: string, command: string, text = '', options: CommandOptions = {}): Promise<SlackResponse> {
    const payload: SlashCommand = {
      token: VERIFICATION_TOKEN,
      team_id: this.settings.teamId,
      team_domain: this.teamDomain,
      channel_id: options.channelId ?? 'C0GENERAL',
      channel_name: options.channelName ?? 'general',
      user_id: userId,
      user_name: this.userName(userId),
      command,
      text,
      api_app_id: this.appId,
      is_enterprise_install: 'false',
      response_url: this.responseUrl(),
      trigger_id: this.triggerId(userId),
    };
    return this.deliver('command', payload, options);
  }

  /** The user picks a global shortcut (the ⚡ menu) whose callback id is `callbackId`. */
  async globalShortcut(userId: string, callbackId: string, options: SignOptions = {}): Promise<SlackResponse> {
    const payload = {
      type: 'shortcut',
      token: VERIFICATION_TOKEN,
      action_ts: (Date.now() / 1000).toFixed(6),
      team: { id: this.settings.teamId, domain: this.teamDomain },
      user: { id: userId, username: this.userName(userId), team_id: this.settings.teamId },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: callbackId,
      trigger_id: this.triggerId(userId),
    };
    return this.deliver('interactive', payload, options);
  }

  /** The user presses the modal's submit button with these values; the ack is applied to the modal. */
  async submitView(userId: string, view: ViewOutput, values: ViewValues, options: SignOptions = {}): Promise<SlackResponse> {
    const payload: ViewSubmitAction = {
      type: 'view_submission',
      team: { id: this.settings.teamId, domain: this.teamDomain },
      user: { id: userId, name: this.userName(userId), team_id: this.settings.teamId },
      api_app_id: this.appId,
      token: VERIFICATION_TOKEN,
      trigger_id: this.triggerId(userId),
      view: { ...view, state: { values } },
      response_urls: [],
      is_enterprise_install: false,
    };
    const response = await this.deliver('interactive', payload as unknown as Record<string, unknown>, options);
    if (response.status === 200) this.settings.slack?.applyViewResponse(userId, view.id, values, response.body);
    return response;
  }

  /** The user clicks a button in a modal or a message (block_actions). */
  async clickButton(userId: string, target: ButtonTarget, options: SignOptions = {}): Promise<SlackResponse> {
    const view = target.view ?? (target.viewId ? this.settings.slack?.viewById(target.viewId) : undefined);
    if (target.viewId && !view) throw new Error(`no view ${target.viewId} to click in (pass view, or a slack surface)`);
    const action: ButtonAction = {
      type: 'button',
      action_id: target.actionId,
      block_id: target.blockId,
      text: { type: 'plain_text', text: target.text ?? target.actionId, emoji: true },
      value: target.value,
      action_ts: (Date.now() / 1000).toFixed(6),
    };
    const payload: Omit<BlockAction<ButtonAction>, 'response_url'> & { response_url?: string } = {
      type: 'block_actions',
      team: { id: this.settings.teamId, domain: this.teamDomain },
      user: { id: userId, username: this.userName(userId), name: this.userName(userId), team_id: this.settings.teamId },
      api_app_id: this.appId,
      token: VERIFICATION_TOKEN,
      trigger_id: this.triggerId(userId),
      container: {},
      actions: [action],
      is_enterprise_install: false,
    };
    if (view) {
      const values = target.values ?? view.state.values;
      payload.container = { type: 'view', view_id: view.id };
      payload.view = { ...view, state: { values } };
      payload.state = { values };
    } else if (target.message) {
      const { channel, ts, text, blocks } = target.message;
      payload.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
      payload.channel = { id: channel, name: channel.startsWith('D') ? 'directmessage' : channel };
      payload.message = { type: 'message', ts, text, blocks };
      payload.state = { values: target.values ?? {} };
      payload.response_url = this.responseUrl();
    } else {
      throw new Error('clickButton needs the view or the message the button is in');
    }
    return this.deliver('interactive', payload as unknown as Record<string, unknown>, options);
  }

  private get teamDomain(): string {
    return this.settings.teamDomain ?? this.settings.slack?.teamDomain ?? 'uni-example';
  }

  private get appId(): string {
    return this.settings.appId ?? this.settings.slack?.appId ?? 'A0PASSDESK';
  }

  private userName(userId: string): string {
    return this.settings.slack?.userName(userId) ?? userId.toLowerCase();
  }

  private triggerId(userId: string): string {
    return this.settings.slack?.issueTriggerId(userId) ?? `${Date.now()}.1.${'0'.repeat(32)}`;
  }

  private responseUrl(): string {
    return this.settings.slack?.responseUrl() ?? 'https://hooks.slack.com/commands/T0/0/unused';
  }
}

/**
 * Drives a Bolt app over HTTP as Slack does: form-encoded POSTs to `/slack/events`, signed with the
 * signing secret (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`), interactions as `payload=<json>`.
 */
export class SlackHttpDriver extends SlackDriver {
  constructor(private readonly http: DriverSettings & { url: string; signingSecret: string }) {
    super(http);
  }

  protected async deliver(kind: 'command' | 'interactive', payload: Record<string, unknown>, options: SignOptions): Promise<SlackResponse> {
    const form =
      kind === 'command'
        ? new URLSearchParams(Object.entries(payload).map(([key, value]): [string, string] => [key, String(value)]))
        : new URLSearchParams({ payload: JSON.stringify(payload) });
    const body = form.toString();
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (!options.unsigned) {
      const timestamp = String(Math.floor(Date.now() / 1000) + (options.timestampOffsetSeconds ?? 0));
      headers['x-slack-request-timestamp'] = timestamp;
      headers['x-slack-signature'] = signature(options.signingSecret ?? this.http.signingSecret, timestamp, body);
    }
    return post(this.http.url, headers, body);
  }
}

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

export function signature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function post(url: string, headers: Record<string, string>, body: string): Promise<SlackResponse> {
  return new Promise((resolve, reject) => {
    // agent: false — one connection per request, closed after it, so nothing lingers between tests.
    const outgoing = request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const isJson = (incoming.headers['content-type'] ?? '').includes('application/json');
        resolve({ status: incoming.statusCode ?? 0, body: text === '' ? undefined : isJson ? JSON.parse(text) : text });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
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
}

interface OptionLike {
  text: { type: 'plain_text'; text: string };
  value: string;
}

/**
 * Fills a modal by its visible labels, like a person would: `{'New password': 'x', 'Account': 'Staff'}`.
 * Returns state.values for every input block (unfilled ones empty, as Slack sends them). Selects and
 * radio buttons take the option's text (or value); checkboxes and multi-selects take a list.
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
