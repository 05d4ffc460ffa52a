import type { ViewOutput } from '@slack/bolt';
import type { FakeMessage, FakeSlack, FakeView } from '../slack-api/fake-slack';
import { type SlackResponse, type SlackSurface, SlackHttpDriver, type ViewValues } from '../slack-api/slack-driver';
import { isObject, randomId } from '../slack-api/view-store';
import type { ManifestCommand, ManifestShortcut } from './manifest-entries';

/** A message a user sees: DMs the bot posted, ephemerals (chat.postEphemeral, command acks, response_url). */
export interface ShownMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  ephemeral: boolean;
}

/** What a button press in the page names. */
export interface ClickRequest {
  actionId: string;
  blockId: string;
  value?: string;
  text?: string;
  viewId?: string;
  /** Values typed so far in the modal the button is in. */
  values?: ViewValues;
  messageTs?: string;
}

/**
 * Slack's client side for the simulator page: it turns what a person does in the page (a slash
 * command, a submit, a click) into the signed requests Slack sends to the bot, and keeps what the
 * bot shows them (modals through the fake Web API; DMs and ephemeral messages).
 */
export class SlackSimulator {
  private readonly driver: SlackHttpDriver;
  private readonly ephemerals: (ShownMessage & { userId: string })[] = [];
  private readonly responseUrls = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly slack: FakeSlack,
    settings: { botUrl: string; signingSecret: string; simulatorOrigin: string; commands: ManifestCommand[]; shortcuts?: ManifestShortcut[] },
  ) {
    this.manifestCommands = settings.commands;
    this.shortcuts = settings.shortcuts ?? [];
    const surface: SlackSurface = {
      appId: slack.appId,
      teamDomain: slack.teamDomain,
      issueTriggerId: (userId) => slack.issueTriggerId(userId),
      // A response_url leads back here, so what the bot posts to it shows as an ephemeral message.
      responseUrl: () => {
        const id = randomId(16);
        this.responseUrls.set(id, this.currentUser ?? '');
        return `${settings.simulatorOrigin}/sim/respond/${id}`;
      },
      userName: (userId) => slack.userName(userId),
      viewById: (viewId) => slack.viewById(viewId),
      applyViewResponse: (userId, viewId, values, response) => slack.applyViewResponse(userId, viewId, values, response),
    };
    this.driver = new SlackHttpDriver({ url: settings.botUrl, signingSecret: settings.signingSecret, teamId: slack.teamId, slack: surface });
  }

  private readonly manifestCommands: ManifestCommand[];
  readonly shortcuts: ManifestShortcut[];
  private currentUser?: string;

  /** The slash commands the app declares. */
  get commands(): string[] {
    return this.manifestCommands.map((declared) => declared.command);
  }

  /** Each command with its usage hint, as Slack suggests them while you type. */
  get commandUsage(): string[] {
    return this.manifestCommands.map((declared) => (declared.usageHint ? `${declared.command} ${declared.usageHint}` : declared.command));
  }

  /** What the person types in the message box: `/password status` → command `/password`, text `status`. */
  async typeMessage(userId: string, message: string): Promise<void> {
    const [command = '', ...words] = message.trim().split(/\s+/);
    const declared = this.manifestCommands.find((candidate) => candidate.command === command);
    if (!declared) {
      const known = this.commands.join(', ');
      this.addEphemeral(userId, { text: command.startsWith('/') ? `${command} is not a command here. Try ${known}.` : `Type a command: ${known}.` });
      return;
    }
    const text = this.asSlackSendsIt(words.join(' '), declared.shouldEscape);
    const response = await this.as(userId, () => this.driver.slashCommand(userId, command, text));
    this.showAck(userId, response);
  }

  /** The person picks a global shortcut (Slack's ⚡ menu). */
  async shortcut(userId: string, callbackId: string): Promise<void> {
    if (!this.shortcuts.some((shortcut) => shortcut.callbackId === callbackId)) throw new Error('no such shortcut');
    const response = await this.as(userId, () => this.driver.globalShortcut(userId, callbackId));
    if (response.status !== 200) this.addEphemeral(userId, { text: `The bot answered HTTP ${response.status}.` });
  }

  async submit(userId: string, viewId: string, values: ViewValues): Promise<void> {
    const view = this.ownView(userId, viewId);
    await this.as(userId, () => this.driver.submitView(userId, view, values));
  }

  async click(userId: string, request: ClickRequest): Promise<void> {
    const target = { actionId: request.actionId, blockId: request.blockId, value: request.value, text: request.text };
    if (request.viewId) {
      const view = this.ownView(userId, request.viewId);
      await this.as(userId, () => this.driver.clickButton(userId, { ...target, view, values: request.values ?? view.state.values }));
      return;
    }
    const message = this.messagesFor(userId).find((shown) => shown.ts === request.messageTs);
    if (!message) throw new Error('no such message');
    const response = await this.as(userId, () => this.driver.clickButton(userId, { ...target, message }));
    this.showAck(userId, response);
  }

  close(userId: string, viewId: string): void {
    this.slack.closeView(userId, viewId);
  }

  /** The modal on top of the user's stack, with the errors Slack shows under its inputs. */
  openView(userId: string): FakeView | undefined {
    const view = this.slack.lastView(userId);
    return view && this.slack.isViewOpen(view.id) ? view : undefined;
  }

  /** DMs to the user and ephemeral messages for them, oldest first. */
  messagesFor(userId: string): ShownMessage[] {
    const posted = this.slack.messages.filter((message: FakeMessage) => message.userId === userId);
    const ephemeral = this.ephemerals.filter((message) => message.userId === userId);
    return [...posted, ...ephemeral]
      .map(({ channel, ts, text, blocks, ephemeral: isEphemeral }) => ({ channel, ts, text, blocks, ephemeral: isEphemeral }))
      .sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  /** What the bot POSTs to a response_url: shown to the user it was issued for. */
  respond(id: string, body: unknown): boolean {
    const userId = this.responseUrls.get(id);
    if (userId === undefined || !isObject(body)) return false;
    if (body.delete_original === true) return true;
    this.addEphemeral(userId, body);
    return true;
  }

  /**
   * A command's text as Slack sends it: &, < and > as entities, and, for a command declared with
   * should_escape, `@handle` of a workspace member as the mention `<@U…|handle>`.
   */
  private asSlackSendsIt(text: string, shouldEscape: boolean): string {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    if (!shouldEscape) return escaped;
    return escaped.replace(/(^|\s)@([a-z0-9._-]+)/gi, (whole, space: string, handle: string) => {
      const userId = this.slack.userIdByName(handle);
      return userId ? `${space}<@${userId}|${handle}>` : whole;
    });
  }

  private showAck(userId: string, response: SlackResponse): void {
    if (response.status !== 200) {
      this.addEphemeral(userId, { text: `The bot answered HTTP ${response.status}.` });
      return;
    }
    if (isObject(response.body)) this.addEphemeral(userId, response.body);
    else if (typeof response.body === 'string' && response.body.trim() !== '') this.addEphemeral(userId, { text: response.body });
  }

  private addEphemeral(userId: string, body: Record<string, unknown>): void {
    const text = typeof body.text === 'string' ? body.text : undefined;
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (!text && !blocks?.length) return;
    this.counter += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(900000 + this.counter)}`;
    this.ephemerals.push({ userId, channel: 'C0GENERAL', ts, text, blocks, ephemeral: true });
  }

  private ownView(userId: string, viewId: string): ViewOutput {
    const view = this.slack.viewById(viewId);
    if (!view || !this.slack.isViewOpen(viewId) || this.slack.lastView(userId)?.id !== viewId) throw new Error('that modal is not open');
    return view;
  }

  /** Runs one interaction on behalf of `userId`, so a response_url issued for it knows whose it is. */
  private async as<T>(userId: string, act: () => Promise<T>): Promise<T> {
    this.currentUser = userId;
    try {
      return await act();
    } finally {
      this.currentUser = undefined;
    }
  }
}
