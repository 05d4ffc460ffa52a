import { LogLevel, type Logger, webApi } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from './fake-slack';

const ANNA = 'U0ANNA';
const JAN = 'U0JAN';

/** web-api logs Slack's `response_metadata` messages as errors; these tests provoke them on purpose. */
const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

const clientFor = (fake: FakeSlack, token = fake.botToken) =>
  new webApi.WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: silent });

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  callback_id: 'password_reset',
  title: { type: 'plain_text' as const, text: title },
  close: { type: 'plain_text' as const, text: 'Cancel' },
  blocks: [{ type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: `*${title}*` } }],
  ...extra,
});

async function slackError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { error?: string } }).data;
    if (data?.error) return data.error;
    throw error;
  }
  throw new Error('expected the Slack call to fail');
}

describe('fake Slack Web API with a real @slack/web-api WebClient', () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;

  beforeAll(async () => {
    slack = await startFakeSlack({
      users: {
        [ANNA]: { email: 'anna.rossi@uni.example', locale: 'it-IT', real_name: 'Anna Rossi', tz: 'Europe/Rome' },
        [JAN]: { email: 'jan.kowalski@uni.example', locale: 'pl-PL', real_name: 'Jan Kowalski', is_email_confirmed: false },
      },
    });
    client = clientFor(slack);
  });
  afterEach(() => slack.reset());
  afterAll(() => slack.stop());

  it('serves apiUrl the way web-api joins it (base + method)', () => {
    expect(slack.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers auth.test with the team, bot user and bot ids', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, team_id: slack.teamId, user_id: slack.botUserId, bot_id: slack.botId });
  });

  it('returns locale from users.info only with include_locale=true, like Slack', async () => {
    const without = await client.users.info({ user: ANNA });
    expect(without.user?.locale).toBeUndefined();
    expect(without.user?.profile?.email).toBe('anna.rossi@uni.example');
    expect(without.user?.is_email_confirmed).toBe(true);

    const withLocale = await client.users.info({ user: JAN, include_locale: true });
    expect(withLocale.user?.locale).toBe('pl-PL');
    expect(withLocale.user?.is_email_confirmed).toBe(false);
    expect(withLocale.user?.real_name).toBe('Jan Kowalski');

    expect(await slackError(client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
  });

  it('records every call with its token and decoded arguments', async () => {
    await client.users.info({ user: ANNA, include_locale: true });
    const call = await slack.waitForCall('users.info');
    expect(call).toMatchObject({ method: 'users.info', token: slack.botToken, args: { user: ANNA, include_locale: 'true' } });
    expect(call.failure).toBeUndefined();
  });

  it('opens a modal for the trigger user, then updates it; lastView shows the latest state', async () => {
    const opened = await client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: modal('Loading…') });
    const viewId = opened.view?.id ?? '';
    expect(viewId).toMatch(/^V[A-Z0-9]{10}$/);
    expect(opened.view?.hash).toMatch(/^\d+\.[0-9a-f]{8}$/);
    expect(slack.lastView(ANNA)?.title.text).toBe('Loading…');
    expect((await slack.waitForCall('views.open')).args.view).toMatchObject({ callback_id: 'password_reset' });

    const updated = await client.views.update({ view_id: viewId, hash: opened.view?.hash, view: modal('Reset password', { private_metadata: 'step-1' }) });
    expect(updated.view?.id).toBe(viewId);
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(slack.lastView(ANNA)).toMatchObject({ id: viewId, private_metadata: 'step-1', title: { text: 'Reset password' } });
    expect(slack.viewById(viewId)?.title.text).toBe('Reset password');
    expect(slack.lastView(JAN)).toBeUndefined();
  });

  it('refuses a stale hash, an unknown view, a reused or unknown trigger', async () => {
    const opened = await client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: modal('One') });
    await client.views.update({ view_id: opened.view?.id ?? '', view: modal('Two') });

    expect(await slackError(client.views.update({ view_id: opened.view?.id ?? '', hash: opened.view?.hash, view: modal('Three') }))).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V0000000000', view: modal('x') }))).toBe('not_found');
    const trigger = slack.issueTriggerId(ANNA);
    await client.views.open({ trigger_id: trigger, view: modal('x') });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal('x') }))).toBe('exchanged_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: '1.2.3', view: modal('x') }))).toBe('invalid_trigger_id');
  });

  it('expires triggers after triggerTtlMs when asked to', async () => {
    const strict = await startFakeSlack({ users: { [ANNA]: {} }, triggerTtlMs: 0 });
    try {
      const strictClient = clientFor(strict);
      const trigger = strict.issueTriggerId(ANNA);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await slackError(strictClient.views.open({ trigger_id: trigger, view: modal('x') }))).toBe('expired_trigger_id');
    } finally {
      await strict.stop();
    }
  });

  it('pushes a view on top of the open one', async () => {
    const root = await client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: modal('Root') });
    const pushed = await client.views.push({ trigger_id: slack.issueTriggerId(ANNA), view: modal('Pushed') });
    expect(pushed.view?.previous_view_id).toBe(root.view?.id);
    expect(pushed.view?.root_view_id).toBe(root.view?.id);
    expect(slack.lastView(ANNA)?.title.text).toBe('Pushed');
  });

  it('refuses views Slack would refuse, naming the problem', async () => {
    const tooLong = modal('A title far longer than twenty-four characters');
    let metadata: unknown;
    try {
      await client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: tooLong });
    } catch (error) {
      metadata = (error as { data?: unknown }).data;
    }
    expect(metadata).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
    });

    const inputWithoutSubmit = modal('Form', {
      blocks: [{ type: 'input', block_id: 'pw', label: { type: 'plain_text', text: 'Password' }, element: { type: 'plain_text_input', action_id: 'value' } }],
    });
    expect(await slackError(client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: inputWithoutSubmit }))).toBe('invalid_arguments');
  });

  it('fills in block and action ids the app left out, as Slack does', async () => {
    const opened = await client.views.open({
      trigger_id: slack.issueTriggerId(ANNA),
      view: modal('Form', {
        submit: { type: 'plain_text', text: 'Next' },
        blocks: [{ type: 'input', label: { type: 'plain_text', text: 'Code' }, element: { type: 'plain_text_input' } }],
      }),
    });
    const block = opened.view?.blocks?.[0] as { block_id?: string; element?: { action_id?: string } };
    expect(block.block_id).toMatch(/^[A-Z0-9]{5}$/);
    expect(block.element?.action_id).toMatch(/^[A-Z0-9]{5}$/);
  });

  it('failNext makes exactly the next call of that method fail with the Slack error', async () => {
    slack.failNext('views.open', 'expired_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: modal('x') }))).toBe('expired_trigger_id');
    const call = await slack.waitForCall('views.open');
    expect(call.failure).toBe('expired_trigger_id');

    const opened = await client.views.open({ trigger_id: slack.issueTriggerId(ANNA), view: modal('x') });
    expect(opened.ok).toBe(true);
  });

  it('failNext with an HTTP status answers that status (web-api raises an HTTP error)', async () => {
    slack.failNext('chat.postMessage', { httpStatus: 500 });
    const error: unknown = await client.chat.postMessage({ channel: ANNA, text: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 500 });
  });

  it('refuses a wrong token with invalid_auth and an app token with not_allowed_token_type', async () => {
    const stranger = clientFor(slack, 'xoxb-not-the-bot');
    expect(await slackError(stranger.auth.test())).toBe('invalid_auth');
    expect((await slack.waitForCall('auth.test')).failure).toBe('invalid_auth');
    expect(await slackError(client.apps.connections.open())).toBe('not_allowed_token_type');
  });

  it('opens a DM channel and records messages posted to it or to the user id', async () => {
    const opened = await client.conversations.open({ users: ANNA });
    const channel = opened.channel?.id ?? '';
    expect(channel).toMatch(/^D[A-Z0-9]{10}$/);

    await client.chat.postMessage({ channel, text: 'La tua password è stata cambiata.' });
    const posted = await client.chat.postMessage({ channel: JAN, text: 'Hasło zmienione', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hasło zmienione' } }] });
    expect(posted.channel).toMatch(/^D/);

    expect(await slack.waitForMessage(ANNA)).toMatchObject({ channel, text: 'La tua password è stata cambiata.', ephemeral: false });
    const toJan = await slack.waitForMessage(JAN);
    expect(toJan.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Hasło zmienione' } }]);
    expect(await slackError(client.chat.postMessage({ channel: 'D0UNKNOWN00', text: 'x' }))).toBe('channel_not_found');
  });

  it('waitForCall resolves for a call made later, and times out naming what it saw', async () => {
    const mark = slack.calls.length;
    const waiting = slack.waitForCall('users.info', { since: mark });
    await client.users.info({ user: ANNA });
    await expect(waiting).resolves.toMatchObject({ method: 'users.info' });
    await expect(slack.waitForCall('views.update', { timeoutMs: 50 })).rejects.toThrow(/waiting for a views.update call; recorded: users.info/);
  });

  it('records what respond() posts to a response_url', async () => {
    const url = slack.responseUrl();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'not allowed', response_type: 'ephemeral' }) });
    expect(response.status).toBe(200);
    expect((await slack.waitForCall('response_url')).args).toEqual({ text: 'not allowed', response_type: 'ephemeral' });
  });

  it('finds users by email, case-insensitively, with their time zone; users_not_found otherwise', async () => {
    const found = await client.users.lookupByEmail({ email: 'Anna.Rossi@UNI.example' });
    expect(found.user).toMatchObject({ id: ANNA, tz: 'Europe/Rome', deleted: false });
    expect(await slackError(client.users.lookupByEmail({ email: 'nobody@uni.example' }))).toBe('users_not_found');
  });

  it('answers 429 with Retry-After past a method\'s rate limit (web-api reports retryAfter when told not to wait)', async () => {
    const limited = await startFakeSlack({ users: { [ANNA]: { email: 'a@uni.example' } }, rateLimits: { 'users.lookupByEmail': { max: 2, perMs: 60_000 } } });
    try {
      const strict = new webApi.WebClient(limited.botToken, { slackApiUrl: limited.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger: silent });
      await strict.users.lookupByEmail({ email: 'a@uni.example' });
      await strict.users.lookupByEmail({ email: 'a@uni.example' });
      const error: unknown = await strict.users.lookupByEmail({ email: 'a@uni.example' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 60 });
      expect(limited.calls.map((call) => call.failure)).toEqual([undefined, undefined, 'HTTP 429']);
    } finally {
      await limited.stop();
    }
  });

  it('holds the next call of a method until released', async () => {
    const hold = slack.holdNext('chat.postMessage');
    let answered = false;
    const posting = client.chat.postMessage({ channel: ANNA, text: 'held' }).then(() => { answered = true; });
    await hold.arrived;
    expect(answered).toBe(false);
    expect(slack.messages).toHaveLength(0);
    hold.release();
    await posting;
    expect(slack.messages.map((message) => message.text)).toEqual(['held']);
  });
});
