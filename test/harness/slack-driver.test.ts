import type { Server } from 'node:http';
import { App, type BlockButtonAction, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type ViewOutput } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from './fake-slack';
import { startFakeSocketMode, type FakeSocketMode } from './fake-socket-mode';
import { buttonByText, fillByLabel, SlackHttpDriver, SocketModeDriver, visibleText } from './slack-driver';

const SECRET = 'sentinel-signing-secret';
const ANNA = 'U0ANNA';

/** Keeps Bolt quiet but remembers its warnings and errors, so a test can insist there were none. */
function recordingLogger(): Logger & { problems: string[] } {
  const problems: string[] = [];
  return {
    problems,
    debug: () => undefined,
    info: () => undefined,
    warn: (...message: unknown[]) => problems.push(`warn: ${message.join(' ')}`),
    error: (...message: unknown[]) => problems.push(`error: ${message.join(' ')}`),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

const text = (value: string) => ({ type: 'plain_text' as const, text: value });

const identityView = {
  type: 'modal' as const,
  callback_id: 'identity',
  private_metadata: 'flow-1',
  title: text('Reset password'),
  submit: text('Next'),
  close: text('Cancel'),
  blocks: [
    { type: 'input', block_id: 'phone', label: text('Last 3 digits of your phone'), element: { type: 'plain_text_input', action_id: 'value' } },
    {
      type: 'input',
      block_id: 'account',
      label: text('Account'),
      element: { type: 'static_select', action_id: 'choice', options: [{ text: text('Staff'), value: 'staff' }, { text: text('Student'), value: 'student' }] },
    },
    { type: 'actions', block_id: 'more', elements: [{ type: 'button', action_id: 'resend_code', text: text('Send a new code'), value: 'resend' }] },
  ],
};

const doneView = { type: 'modal' as const, callback_id: 'done', title: text('Done'), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your password was changed.' } }] };

interface Seen {
  commands: { user_id: string; team_id: string; command: string; text: string; trigger_id: string }[];
  submissions: { values: ViewOutput['state']['values']; privateMetadata: string; viewId: string }[];
  clicks: { actionId: string; value?: string; viewId?: string; channel?: string }[];
}

/** A minimal app shaped like passdesk: the command opens a modal, submit updates it (or shows errors), a button updates it. */
function registerListeners(app: App, seen: Seen): void {
  app.command('/password', async ({ ack, body, client }) => {
    await ack();
    seen.commands.push({ user_id: body.user_id, team_id: body.team_id, command: body.command, text: body.text, trigger_id: body.trigger_id });
    await client.views.open({ trigger_id: body.trigger_id, view: identityView });
  });
  app.view('identity', async ({ ack, view }) => {
    seen.submissions.push({ values: view.state.values, privateMetadata: view.private_metadata, viewId: view.id });
    const digits = view.state.values.phone?.value?.value ?? '';
    if (!/^\d{3}$/.test(digits)) {
      await ack({ response_action: 'errors', errors: { phone: 'Type the last 3 digits' } });
      return;
    }
    await ack({ response_action: 'update', view: doneView });
  });
  app.action<BlockButtonAction>('resend_code', async ({ ack, body, client, respond }) => {
    await ack();
    seen.clicks.push({ actionId: body.actions[0].action_id, value: body.actions[0].value, viewId: body.view?.id, channel: body.channel?.id });
    if (body.view) await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: { ...identityView, private_metadata: 'resent' } });
    else await respond({ text: 'A new code is on its way', replace_original: false });
  });
}

const emptySeen = (): Seen => ({ commands: [], submissions: [], clicks: [] });

describe('SlackHttpDriver against a real Bolt app (HTTPReceiver)', () => {
  let slack: FakeSlack;
  let app: App;
  let driver: SlackHttpDriver;
  let url: string;
  let seen: Seen;
  const logger = recordingLogger();

  beforeAll(async () => {
    slack = await startFakeSlack({ users: { [ANNA]: { email: 'anna.rossi@uni.example', locale: 'it-IT' } } });
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logger });
    app = new App({
      token: slack.botToken,
      botId: slack.botId,
      botUserId: slack.botUserId,
      receiver,
      logger,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    seen = emptySeen();
    registerListeners(app, seen);
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/slack/events`;
    driver = new SlackHttpDriver({ url, signingSecret: SECRET, teamId: slack.teamId, slack });
  });
  afterEach(() => {
    slack.reset();
    Object.assign(seen, emptySeen());
    logger.problems.length = 0;
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('delivers a signed slash command; the app acks and opens a modal with the trigger id', async () => {
    const response = await driver.slashCommand(ANNA, '/password', 'help');
    expect(response).toEqual({ status: 200, body: undefined });
    expect(seen.commands).toEqual([expect.objectContaining({ user_id: ANNA, team_id: slack.teamId, command: '/password', text: 'help' })]);

    await slack.waitForCall('views.open');
    expect(slack.lastView(ANNA)?.callback_id).toBe('identity');
    expect(logger.problems).toEqual([]);
  });

  it('submits a modal filled by its labels; Bolt sees the values and the ack updates what the user sees', async () => {
    await driver.slashCommand(ANNA, '/password');
    await slack.waitForCall('views.open');
    const view = slack.lastView(ANNA);
    if (!view) throw new Error('no modal');

    const values = fillByLabel(view, { 'Last 3 digits of your phone': '234', Account: 'Student' });
    const response = await driver.submitView(ANNA, view, values);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ response_action: 'update', view: { callback_id: 'done' } });
    expect(seen.submissions).toEqual([
      {
        viewId: view.id,
        privateMetadata: 'flow-1',
        values: {
          phone: { value: { type: 'plain_text_input', value: '234' } },
          account: { choice: { type: 'static_select', selected_option: { text: text('Student'), value: 'student' } } },
        },
      },
    ]);
    expect(slack.lastView(ANNA)?.id).toBe(view.id);
    expect(visibleText(slack.lastView(ANNA) ?? {})).toContain('Your password was changed.');
  });

  it('shows response_action errors under the input, the modal staying open', async () => {
    await driver.slashCommand(ANNA, '/password');
    await slack.waitForCall('views.open');
    const view = slack.lastView(ANNA);
    if (!view) throw new Error('no modal');

    await driver.submitView(ANNA, view, fillByLabel(view, { 'Last 3 digits of your phone': 'abc' }));

    expect(slack.lastView(ANNA)?.shownErrors).toEqual({ phone: 'Type the last 3 digits' });
    expect(slack.isViewOpen(view.id)).toBe(true);
  });

  it('clicks a button found by its text in the modal (block_actions with the view)', async () => {
    await driver.slashCommand(ANNA, '/password');
    await slack.waitForCall('views.open');
    const view = slack.lastView(ANNA);
    if (!view) throw new Error('no modal');
    const mark = slack.calls.length;

    const response = await driver.clickButton(ANNA, { ...buttonByText(view, 'Send a new code'), view });

    expect(response.status).toBe(200);
    expect(seen.clicks).toEqual([{ actionId: 'resend_code', value: 'resend', viewId: view.id, channel: undefined }]);
    await slack.waitForCall('views.update', { since: mark });
    expect(slack.lastView(ANNA)?.private_metadata).toBe('resent');
  });

  it('clicks a button in a DM; respond() reaches the response_url', async () => {
    const message = { channel: 'D0ANNA00000', ts: '1700000000.000100', text: 'Your password expires soon', blocks: identityView.blocks.slice(2) };
    await driver.clickButton(ANNA, { ...buttonByText(message, 'Send a new code'), message });

    expect(seen.clicks).toEqual([{ actionId: 'resend_code', value: 'resend', viewId: undefined, channel: 'D0ANNA00000' }]);
    expect((await slack.waitForCall('response_url')).args).toMatchObject({ text: 'A new code is on its way' });
  });

  it('gets 401 for a wrong secret, a stale timestamp or no signature, and the listener never runs', async () => {
    expect((await driver.slashCommand(ANNA, '/password', '', { signingSecret: 'not-the-secret' })).status).toBe(401);
    expect((await driver.slashCommand(ANNA, '/password', '', { timestampOffsetSeconds: -6 * 60 })).status).toBe(401);
    expect((await driver.slashCommand(ANNA, '/password', '', { unsigned: true })).status).toBe(401);
    expect(seen.commands).toEqual([]);
  });

  it('fillByLabel names the labels it could not find, and the options it could not match', () => {
    const view = { blocks: identityView.blocks };
    expect(() => fillByLabel(view, { Phone: '1' })).toThrow('no input labelled "Phone"; the modal has "Last 3 digits of your phone", "Account"');
    expect(() => fillByLabel(view, { Account: 'Alumni' })).toThrow('"Account" has no option "Alumni"; it offers "Staff", "Student"');
    expect(() => buttonByText(view, 'Cancel')).toThrow('no button "Cancel"; buttons: "Send a new code"');
  });
});

describe('SocketModeDriver against a real Bolt app (SocketModeReceiver)', () => {
  let slack: FakeSlack;
  let socketMode: FakeSocketMode;
  let app: App;
  let driver: SocketModeDriver;
  let seen: Seen;
  const logger = recordingLogger();

  beforeAll(async () => {
    slack = await startFakeSlack({ users: { [ANNA]: { email: 'anna.rossi@uni.example' } } });
    socketMode = await startFakeSocketMode({ slack });
    const clientOptions = { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } };
    // clientPingTimeout also paces reconnects (the client waits that long before reconnecting).
    const receiver = new SocketModeReceiver({ appToken: socketMode.appToken, logger, clientPingTimeout: 2000, installerOptions: { clientOptions } });
    app = new App({ token: slack.botToken, botId: slack.botId, botUserId: slack.botUserId, receiver, logger, clientOptions });
    seen = emptySeen();
    registerListeners(app, seen);
    await app.start();
    driver = new SocketModeDriver({ socketMode, teamId: slack.teamId, slack });
  });
  afterAll(async () => {
    await app.stop();
    await socketMode.stop();
    await slack.stop();
  });

  it('connects with the app token through apps.connections.open and gets hello', async () => {
    const open = await slack.waitForCall('apps.connections.open');
    expect(open.token).toBe(socketMode.appToken);
    expect(socketMode.connected).toBe(true);
  });

  it('runs command → modal → submission over Socket Mode, with acks carrying the response', async () => {
    const command = await driver.slashCommand(ANNA, '/password', 'help');
    expect(command).toEqual({ status: 200, body: undefined });
    await slack.waitForCall('views.open');
    const view = slack.lastView(ANNA);
    if (!view) throw new Error('no modal');

    const submitted = await driver.submitView(ANNA, view, fillByLabel(view, { 'Last 3 digits of your phone': '234', Account: 'Staff' }));

    expect(submitted.body).toMatchObject({ response_action: 'update', view: { callback_id: 'done' } });
    expect(seen.submissions[0]?.values.account?.choice?.selected_option?.value).toBe('staff');
    expect(visibleText(slack.lastView(ANNA) ?? {})).toContain('Your password was changed.');

    const mark = slack.calls.length;
    await driver.slashCommand(ANNA, '/password');
    await slack.waitForCall('views.open', { since: mark });
    const reopened = slack.lastView(ANNA);
    if (!reopened) throw new Error('no modal');
    await driver.clickButton(ANNA, { ...buttonByText(reopened, 'Send a new code'), view: reopened });
    await slack.waitForCall('views.update', { since: mark });
    expect(slack.lastView(ANNA)?.private_metadata).toBe('resent');
    expect(logger.problems).toEqual([]);
  });

  it('reconnects when Slack asks it to refresh the connection', async () => {
    const before = socketMode.connections;
    const mark = slack.calls.length;
    socketMode.requestReconnect();
    await slack.waitForCall('apps.connections.open', { since: mark, timeoutMs: 10_000 });
    await socketMode.waitForConnection();
    expect(socketMode.connections).toBe(before + 1);
    const response = await driver.slashCommand(ANNA, '/password');
    expect(response.status).toBe(200);
  });
});
