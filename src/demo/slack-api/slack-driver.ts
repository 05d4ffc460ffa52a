import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { BlockAction, ButtonAction, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';

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

export interface DriverSettings {
  teamId: string;
  teamDomain?: string;
  appId?: string;
  /** The fake Web API, so trigger ids are exchangeable and acks change the modal the user sees. */
  slack?: SlackSurface;
}

const VERIFICATION_TOKEN = 'fake-verification-token';

/** Builds what Slack sends for each interaction; subclasses carry it over HTTP or Socket Mode. */
export abstract class SlackDriver {
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

