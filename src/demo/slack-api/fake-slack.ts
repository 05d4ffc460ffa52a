import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ViewOutput } from '@slack/bolt';
import { closeServer, listenOnLoopback, readBody, sendJson } from './loopback-http';
import { Recorder } from './recorder';
import { type FakeView, isObject, randomId, SlackApiError, ViewStore } from './view-store';

export type { FakeView } from './view-store';

/** A workspace member as `users.info` describes them. */
export interface FakeSlackUser {
  email?: string;
  /** e.g. `pl-PL`; returned only when the caller asks with `include_locale=true`, as Slack does. */
  locale?: string;
  real_name?: string;
  /** The handle (`user_name` in slash commands); default: the id in lower case. */
  name?: string;
  tz?: string;
  /** Default true. */
  is_email_confirmed?: boolean;
  deleted?: boolean;
  is_bot?: boolean;
}

export interface FakeSlackOptions {
  botToken?: string;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  users?: Record<string, FakeSlackUser>;
  /** How long a trigger_id may be exchanged (Slack: 3 s). Default: no expiry, so slow machines don't flake. */
  triggerTtlMs?: number;
  /** User groups (`S…` ids) and their members' ids, for `usergroups.users.list`. */
  userGroups?: Record<string, string[]>;
  /** Per method: at most `max` calls in any `perMs`; more are answered 429 with Retry-After, as Slack does. */
  rateLimits?: Record<string, RateLimit>;
}

export interface RateLimit {
  max: number;
  perMs: number;
}

/** One Web API call as the fake received it. */
export interface SlackCall {
  method: string;
  /** The token the call was made with (Authorization header, else the `token` field). */
  token?: string;
  /** Decoded arguments; `view`, `blocks`, `attachments` and `metadata` JSON-parsed. */
  args: Record<string, unknown>;
  /** The error code the fake answered with, or `HTTP <status>`; undefined when it answered ok. */
  failure?: string;
  /** When the call arrived (ms since the epoch). */
  at: number;
}

/** A message the bot posted (`chat.postMessage`, `chat.postEphemeral`, `chat.update`). */
export interface FakeMessage {
  channel: string;
  /** The user whose DM this is, or the ephemeral recipient. */
  userId?: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  ephemeral: boolean;
}

/** Make the next call of a method fail: a Slack error code (HTTP 200, ok:false) or an HTTP status. */
export type SlackFailure = string | { httpStatus: number; retryAfterSeconds?: number };

/** A call of a method the fake holds unanswered until the test releases it (work in flight). */
export interface HeldCall {
  /** Resolves once the call has arrived and is being held. */
  arrived: Promise<void>;
  /** Lets the held call proceed and be answered as usual. */
  release(): void;
}

/** What the Socket Mode fake registers so `apps.connections.open` can hand out its URLs. */
export interface SocketModeEndpoint {
  appToken: string;
  openConnection(): string;
}

const JSON_FIELDS = ['view', 'blocks', 'attachments', 'metadata'];
const APP_TOKEN_METHODS = new Set(['apps.connections.open']);

export const FAKE_SLACK_DEFAULTS = {
  botToken: 'xoxb-0000000000-fake-bot-token',
  teamId: 'T0PASSDESK',
  teamDomain: 'uni-example',
  botUserId: 'U0PASSBOT',
  botId: 'B0PASSBOT',
  appId: 'A0PASSDESK',
} as const;

type Handler = (args: Record<string, unknown>) => Record<string, unknown>;

/**
 * The Slack Web API on 127.0.0.1 as @slack/web-api calls it: `POST <apiUrl><method>`, form-encoded
 * (or JSON) arguments, `Authorization: Bearer <token>`, answers `{ok: true, …}` or `{ok: false, error}`.
 * It keeps modals (open/push/update and what acks do to them), DMs and a user table, records every
 * call, and lets tests make the next call fail. `apiUrl` is what `SLACK_API_URL` takes.
 */
export class FakeSlack {
  readonly apiUrl: string;
  readonly origin: string;
  readonly botToken: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;

  private readonly callLog = new Recorder<SlackCall>((call) => (call.failure ? `${call.method} (${call.failure})` : call.method));
  private readonly messageLog = new Recorder<FakeMessage>((message) => `message to ${message.userId ?? message.channel}`);
  private readonly users = new Map<string, FakeSlackUser>();
  private readonly userGroups = new Map<string, string[]>();
  private readonly dmChannels = new Map<string, string>();
  private readonly triggers = new Map<string, { userId: string; issuedAt: number; used: boolean }>();
  private readonly failures = new Map<string, SlackFailure[]>();
  private readonly holds = new Map<string, { arrive(): void; released: Promise<void> }[]>();
  /** Arrival times of calls let through, per rate-limited method. */
  private readonly accepted = new Map<string, number[]>();
  private readonly views: ViewStore;
  private readonly handlers: Record<string, Handler>;
  private socketMode?: SocketModeEndpoint;
  private messageCounter = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly options: FakeSlackOptions,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.origin}/api/`;
    this.botToken = options.botToken ?? FAKE_SLACK_DEFAULTS.botToken;
    this.teamId = options.teamId ?? FAKE_SLACK_DEFAULTS.teamId;
    this.teamDomain = options.teamDomain ?? FAKE_SLACK_DEFAULTS.teamDomain;
    this.botUserId = options.botUserId ?? FAKE_SLACK_DEFAULTS.botUserId;
    this.botId = options.botId ?? FAKE_SLACK_DEFAULTS.botId;
    this.appId = options.appId ?? FAKE_SLACK_DEFAULTS.appId;
    for (const [id, user] of Object.entries(options.users ?? {})) this.users.set(id, user);
    for (const [id, members] of Object.entries(options.userGroups ?? {})) this.userGroups.set(id, [...members]);
    this.views = new ViewStore({ teamId: this.teamId, appId: this.appId, botId: this.botId });
    this.handlers = {
      'auth.test': () => this.authTest(),
      'users.info': (args) => this.usersInfo(args),
      'users.lookupByEmail': (args) => this.usersLookupByEmail(args),
      'usergroups.users.list': (args) => this.userGroupMembers(args),
      'views.open': (args) => ({ view: this.views.open(this.exchangeTrigger(args.trigger_id), args.view) }),
      'views.push': (args) => ({ view: this.views.push(this.exchangeTrigger(args.trigger_id), args.view) }),
      'views.update': (args) => ({ view: this.viewsUpdate(args) }),
      'conversations.open': (args) => this.conversationsOpen(args),
      'chat.postMessage': (args) => this.postMessage(args, false),
      'chat.postEphemeral': (args) => this.postMessage(args, true),
      'chat.update': (args) => this.chatUpdate(args),
      'apps.connections.open': () => this.connectionsOpen(),
    };
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    const port = await listenOnLoopback(server);
    fake = new FakeSlack(server, port, options);
    return fake;
  }

  get calls(): readonly SlackCall[] {
    return this.callLog.all;
  }

  get messages(): readonly FakeMessage[] {
    return this.messageLog.all;
  }

  setUser(id: string, user: FakeSlackUser): void {
    this.users.set(id, user);
  }

  /** Creates or replaces a user group (`usergroups.users.list` answers with these members). */
  setUserGroup(id: string, memberIds: string[]): void {
    this.userGroups.set(id, [...memberIds]);
  }

  /** The next call of `method` fails this way (queued per method, in order). */
  failNext(method: string, failure: SlackFailure): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(failure);
    this.failures.set(method, queue);
  }

  /** The next call of `method` waits, unanswered, until `release()`; then it is handled as usual. */
  holdNext(method: string): HeldCall {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = this.holds.get(method) ?? [];
    queue.push({ arrive, released });
    this.holds.set(method, queue);
    return { arrived, release };
  }

  /** The first recorded call (past or future) matching; the index lets a test look only after a mark. */
  waitFor(predicate: (call: SlackCall, index: number) => boolean, timeoutMs = 5000): Promise<SlackCall> {
    return this.callLog.waitFor(predicate, timeoutMs, 'a matching Slack call');
  }

  /** The first call of `method`, optionally only from index `since` on (e.g. `since: slack.calls.length`). */
  waitForCall(method: string, options: { since?: number; timeoutMs?: number; where?: (call: SlackCall) => boolean } = {}): Promise<SlackCall> {
    const since = options.since ?? 0;
    return this.callLog.waitFor(
      (call, index) => index >= since && call.method === method && (options.where?.(call) ?? true),
      options.timeoutMs,
      `a ${method} call`,
    );
  }

  /** The first message (past or future) to this user (DM or ephemeral), or matching the predicate. */
  waitForMessage(match: string | ((message: FakeMessage) => boolean), timeoutMs = 5000): Promise<FakeMessage> {
    const predicate = typeof match === 'string' ? (message: FakeMessage) => message.userId === match : match;
    return this.messageLog.waitFor(predicate, timeoutMs, typeof match === 'string' ? `a message to ${match}` : 'a matching message');
  }

  /** The modal the user sees now (top of their stack), with every open/push/update/ack applied. */
  lastView(userId: string): FakeView | undefined {
    return this.views.top(userId);
  }

  /** The latest state of a view, open or closed. */
  viewById(viewId: string): FakeView | undefined {
    return this.views.byId(viewId);
  }

  isViewOpen(viewId: string): boolean {
    return this.views.isOpen(viewId);
  }

  // --- what the drivers use, standing in for Slack's client side ---

  /** A trigger_id for an interaction by this user; `views.open`/`push` exchange it once. */
  issueTriggerId(userId: string): string {
    const id = `${Date.now()}.${Math.floor(Math.random() * 1e10)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { userId, issuedAt: Date.now(), used: false });
    return id;
  }

  /** A response_url that records what `respond()` posts as a `response_url` call. */
  responseUrl(): string {
    return `${this.origin}/respond/${randomId(12)}`;
  }

  userName(userId: string): string {
    return this.users.get(userId)?.name ?? userId.toLowerCase();
  }

  /** The member whose handle this is (case-insensitive), as Slack resolves `@handle` in escaped text. */
  userIdByName(handle: string): string | undefined {
    const wanted = handle.toLowerCase();
    return [...this.users.keys()].find((id) => this.userName(id).toLowerCase() === wanted && !this.users.get(id)?.deleted);
  }

  /** What Slack does with the app's ack of a view_submission (close, update, push, errors, clear). */
  applyViewResponse(userId: string, viewId: string, values: ViewOutput['state']['values'], response: unknown): void {
    this.views.applySubmissionResponse(userId, viewId, values, response);
  }

  /** The user closes the modal (its Close button or Esc): the view and those above it close. */
  closeView(userId: string, viewId: string): void {
    if (this.views.ownerOf(viewId) === userId) this.views.closeFrom(userId, viewId);
  }

  attachSocketMode(endpoint: SocketModeEndpoint | undefined): void {
    this.socketMode = endpoint;
  }

  reset(): void {
    this.callLog.clear();
    this.messageLog.clear();
    this.failures.clear();
    this.holds.clear();
    this.accepted.clear();
    this.triggers.clear();
    this.views.clear();
  }

  async stop(): Promise<void> {
    this.callLog.cancelWaits('fake Slack stopped');
    this.messageLog.cancelWaits('fake Slack stopped');
    await closeServer(this.server);
  }

  // --- the wire ---

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', this.origin).pathname;
    if (request.method === 'POST' && path.startsWith('/respond/')) {
      this.callLog.add({ method: 'response_url', args: parseJsonObject(body.toString('utf8')), at: Date.now() });
      sendJson(response, 200, { ok: true });
      return;
    }
    if (request.method !== 'POST' || !path.startsWith('/api/')) {
      response.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const args = decodeArgs(request.headers['content-type'], body);
    const token = bearer(request.headers.authorization) ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const call: SlackCall = { method, token, args, at: Date.now() };

    const handler = this.handlers[method];
    const authError = this.authError(method, token);
    if (authError || !handler) {
      call.failure = authError ?? 'unknown_method';
      this.callLog.add(call);
      sendJson(response, 200, { ok: false, error: call.failure });
      return;
    }
    const hold = this.holds.get(method)?.shift();
    if (hold) {
      hold.arrive();
      await hold.released;
    }
    const failure = this.failures.get(method)?.shift() ?? this.rateLimited(method);
    if (failure !== undefined) {
      this.answerFailure(response, call, failure);
      return;
    }
    try {
      const result = handler(args);
      this.callLog.add(call);
      sendJson(response, 200, { ok: true, ...result });
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      call.failure = error.code;
      this.callLog.add(call);
      const metadata = error.messages.length ? { response_metadata: { messages: error.messages } } : {};
      sendJson(response, 200, { ok: false, error: error.code, ...metadata });
    }
  }

  /** A 429 when `method` is over its rate limit; otherwise the call is counted. */
  private rateLimited(method: string): SlackFailure | undefined {
    const limit = this.options.rateLimits?.[method];
    if (!limit) return undefined;
    const now = Date.now();
    const recent = (this.accepted.get(method) ?? []).filter((at) => at > now - limit.perMs);
    this.accepted.set(method, recent);
    if (recent.length >= limit.max) {
      return { httpStatus: 429, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + limit.perMs - now) / 1000)) };
    }
    recent.push(now);
    return undefined;
  }

  private answerFailure(response: ServerResponse, call: SlackCall, failure: SlackFailure): void {
    if (typeof failure === 'string') {
      call.failure = failure;
      this.callLog.add(call);
      sendJson(response, 200, { ok: false, error: failure });
      return;
    }
    call.failure = `HTTP ${failure.httpStatus}`;
    this.callLog.add(call);
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
    response.writeHead(failure.httpStatus, headers).end(failure.httpStatus === 429 ? 'ratelimited' : 'fake failure');
  }

  private authError(method: string, token: string | undefined): string | undefined {
    if (!token) return 'not_authed';
    const wantsAppToken = APP_TOKEN_METHODS.has(method);
    const appToken = this.socketMode?.appToken;
    if (token === this.botToken) return wantsAppToken ? 'not_allowed_token_type' : undefined;
    if (appToken && token === appToken) return wantsAppToken ? undefined : 'not_allowed_token_type';
    return 'invalid_auth';
  }

  // --- methods ---

  private authTest(): Record<string, unknown> {
    return {
      url: `https://${this.teamDomain}.slack.com/`,
      team: 'Fake University',
      user: 'passdesk',
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    };
  }

  private usersInfo(args: Record<string, unknown>): Record<string, unknown> {
    const id = typeof args.user === 'string' ? args.user : '';
    const user = this.users.get(id);
    if (!user) throw new SlackApiError('user_not_found');
    const realName = user.real_name ?? id;
    const described: Record<string, unknown> = {
      id,
      team_id: this.teamId,
      name: this.userName(id),
      deleted: user.deleted ?? false,
      real_name: realName,
      tz: user.tz ?? 'Europe/Rome',
      tz_label: 'Central European Time',
      tz_offset: 3600,
      profile: { real_name: realName, display_name: realName, email: user.email, team: this.teamId },
      is_admin: false,
      is_owner: false,
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      is_email_confirmed: user.is_email_confirmed ?? true,
      updated: Math.floor(Date.now() / 1000),
    };
    if (isTrue(args.include_locale)) described.locale = user.locale ?? 'en-US';
    return { user: described };
  }

  /** Slack matches the address case-insensitively and only among members with that profile email. */
  private usersLookupByEmail(args: Record<string, unknown>): Record<string, unknown> {
    const email = typeof args.email === 'string' ? args.email.toLowerCase() : '';
    const found = [...this.users.entries()].find(([, user]) => user.email?.toLowerCase() === email && !user.deleted);
    if (!email || !found) throw new SlackApiError('users_not_found');
    return this.usersInfo({ user: found[0] });
  }

  private userGroupMembers(args: Record<string, unknown>): Record<string, unknown> {
    const id = typeof args.usergroup === 'string' ? args.usergroup : '';
    const members = this.userGroups.get(id);
    if (!members) throw new SlackApiError('no_such_subteam');
    return { users: [...members] };
  }

  private viewsUpdate(args: Record<string, unknown>): FakeView {
    const viewId = typeof args.view_id === 'string' ? args.view_id : undefined;
    if (!viewId) throw new SlackApiError('not_found');
    return this.views.update(viewId, args.view, typeof args.hash === 'string' ? args.hash : undefined);
  }

  private exchangeTrigger(triggerId: unknown): string {
    const trigger = typeof triggerId === 'string' ? this.triggers.get(triggerId) : undefined;
    if (!trigger) throw new SlackApiError('invalid_trigger_id');
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    const ttl = this.options.triggerTtlMs;
    if (ttl !== undefined && Date.now() - trigger.issuedAt > ttl) throw new SlackApiError('expired_trigger_id');
    trigger.used = true;
    return trigger.userId;
  }

  private conversationsOpen(args: Record<string, unknown>): Record<string, unknown> {
    const ids = typeof args.users === 'string' ? args.users.split(',').map((id) => id.trim()).filter(Boolean) : [];
    if (ids.length !== 1) throw new SlackApiError(ids.length === 0 ? 'users_list_not_supplied' : 'not_supported');
    if (!this.users.has(ids[0])) throw new SlackApiError('user_not_found');
    return { no_op: true, already_open: true, channel: { id: this.dmChannelOf(ids[0]) } };
  }

  private postMessage(args: Record<string, unknown>, ephemeral: boolean): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : '';
    const dmUser = this.userOfChannel(channel);
    if (!channel || (/^[DUW]/.test(channel) && !dmUser)) {
      throw new SlackApiError('channel_not_found');
    }
    const text = typeof args.text === 'string' ? args.text : undefined;
    const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
    if (!text && !blocks?.length) throw new SlackApiError('no_text');
    const recipient = ephemeral ? (typeof args.user === 'string' ? args.user : undefined) : dmUser;
    if (ephemeral && (!recipient || !this.users.has(recipient))) throw new SlackApiError('user_not_in_channel');
    const resolvedChannel = dmUser ? this.dmChannelOf(dmUser) : channel;
    const ts = this.nextTs();
    this.messageLog.add({ channel: resolvedChannel, userId: recipient, ts, text, blocks, ephemeral });
    if (ephemeral) return { message_ts: ts };
    return {
      channel: resolvedChannel,
      ts,
      message: { type: 'message', text: text ?? '', blocks, user: this.botUserId, bot_id: this.botId, app_id: this.appId, team: this.teamId, ts },
    };
  }

  private chatUpdate(args: Record<string, unknown>): Record<string, unknown> {
    const ts = typeof args.ts === 'string' ? args.ts : '';
    const channel = typeof args.channel === 'string' ? args.channel : '';
    const existing = this.messageLog.all.find((message) => message.ts === ts && message.channel === channel && !message.ephemeral);
    if (!existing) throw new SlackApiError('message_not_found');
    if (typeof args.text === 'string') existing.text = args.text;
    if (Array.isArray(args.blocks)) existing.blocks = args.blocks;
    return { channel, ts, text: existing.text ?? '' };
  }

  private connectionsOpen(): Record<string, unknown> {
    if (!this.socketMode) throw new SlackApiError('invalid_auth');
    return { url: this.socketMode.openConnection() };
  }

  private dmChannelOf(userId: string): string {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      channel = `D${randomId(10)}`;
      this.dmChannels.set(userId, channel);
    }
    return channel;
  }

  /** A user id posts to that user's DM; a D… id is a DM the bot opened. */
  private userOfChannel(channel: string): string | undefined {
    if (this.users.has(channel)) return channel;
    for (const [userId, dm] of this.dmChannels) if (dm === channel) return userId;
    return undefined;
  }

  private nextTs(): string {
    this.messageCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.messageCounter).padStart(6, '0')}`;
  }
}

export function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return FakeSlack.start(options);
}

function decodeArgs(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  const args: Record<string, unknown> = contentType?.startsWith('application/json')
    ? parseJsonObject(text)
    : Object.fromEntries(new URLSearchParams(text));
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value === 'string') {
      try {
        args[field] = JSON.parse(value);
      } catch {
        // Slack would refuse it; leaving the string makes the handler refuse it too.
      }
    }
  }
  return args;
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}
