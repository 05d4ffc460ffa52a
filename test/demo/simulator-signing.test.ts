import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import { closeServer, listenOnLoopback, readBody } from '../../src/demo/slack-api/loopback-http';
import { type FakeSlack, startFakeSlack } from '../../src/demo/slack-api/fake-slack';
import { parseManifestEntries, readManifestEntries } from '../../src/demo/simulator/manifest-entries';
import { SlackSimulator } from '../../src/demo/simulator/slack-simulator';
import { type RunningDemo, startDemo } from '../../src/demo/start-demo';

interface Recorded {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The simulator signs as Slack does: what it sends is accepted by passdesk's own signature check
 * (the demo's bot, signing on), and the same request with its body or timestamp altered is refused.
 */
describe('the simulator signs requests as Slack does', () => {
  let demo: RunningDemo;
  let slack: FakeSlack;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, logLevel: 'silent' });
    slack = await startFakeSlack({ users: { U0ANNA: { email: 'anna.rossi@uni.example' } } });
  });

  afterAll(async () => {
    await slack?.stop();
    await demo?.stop();
  });

  test('a command typed in the page reaches the bot and opens its modal', async () => {
    await postJson(`${demo.url}sim/message`, { user: 'U0ANNA', text: '/password' });
    // The bot acks first and opens the modal right after: look until it is there (the test's timeout is the limit).
    // `/password` opens its menu at once.
    expect((await shownView(demo, 'U0ANNA')).title.text).toBe('Password help');
  });

  test('the exact bytes the simulator sends are accepted; altered body or timestamp are refused', async () => {
    const recorded = await recordOneRequest(async (url) => {
      const simulator = new SlackSimulator(slack, { botUrl: url, signingSecret: demo.signingSecret, simulatorOrigin: 'http://127.0.0.1:9', commands: [{ command: '/password', shouldEscape: false }] });
      await simulator.typeMessage('U0ANNA', '/password');
    });
    expect(recorded.headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const timestamp = String(recorded.headers['x-slack-request-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);

    const replay = (body: string, headers: Record<string, string> = {}) =>
      post(demo.botUrl, { ...pick(recorded.headers), ...headers }, body);
    expect(await replay(recorded.body)).toBe(200);
    expect(await replay(recorded.body.replace('user_id=U0ANNA', 'user_id=U0MARTA'))).toBe(401);
    expect(await replay(`${recorded.body}&text=status`)).toBe(401);
    expect(await replay(recorded.body, { 'x-slack-request-timestamp': String(Number(timestamp) - 1) })).toBe(401);
  });
});

/** What Slack sends for what the person types or picks, as the app's manifest declares it. */
describe('the simulator sends commands and shortcuts as Slack does', () => {
  let demo: RunningDemo;
  let slack: FakeSlack;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, logLevel: 'silent' });
    slack = await startFakeSlack({ users: { U0MARTA: { name: 'marta.bianchi' }, U0PIOTR: { name: 'piotr.nowak' } } });
  });

  afterAll(async () => {
    await slack?.stop();
    await demo?.stop();
  });

  const simulatorAt = (url: string) => new SlackSimulator(slack, {
    botUrl: url, signingSecret: demo.signingSecret, simulatorOrigin: 'http://127.0.0.1:9', ...readManifestEntries(),
  });

  test('the manifest\'s commands (with should_escape and usage hints) and global shortcut are what the page offers', () => {
    const entries = readManifestEntries();
    expect(entries.commands).toEqual([
      { command: '/password', shouldEscape: false, usageHint: '[reset | change | username | unlock | status]' },
      { command: '/temp-password', shouldEscape: true, usageHint: '[@person | username | email]' },
    ]);
    expect(entries.shortcuts).toEqual([{ name: 'Temporary password', callbackId: 'temporary-password' }]);
    // Lists end where their section does; a message shortcut is not a global one.
    expect(parseManifestEntries([
      'features:', '  slash_commands:', '    - command: /a', '      should_escape: true # why', '  shortcuts:',
      '    - name: "M"', '      type: message', '      callback_id: m', '    - name: G', '      type: global', '      callback_id: g',
      'oauth_config:', '  scopes:', '    - command: /not-a-command',
    ].join('\n'))).toEqual({ commands: [{ command: '/a', shouldEscape: true }], shortcuts: [{ name: 'G', callbackId: 'g' }] });
  });

  test('a command declared with should_escape sends @handle as a mention, and &, < and > as entities', async () => {
    const escaped = await recordOneRequest((url) => simulatorAt(url).typeMessage('U0MARTA', '/temp-password @piotr.nowak'));
    expect(new URLSearchParams(escaped.body).get('text')).toBe('<@U0PIOTR|piotr.nowak>');
    const unknown = await recordOneRequest((url) => simulatorAt(url).typeMessage('U0MARTA', '/temp-password @nobody a<b&c'));
    expect(new URLSearchParams(unknown.body).get('text')).toBe('@nobody a&lt;b&amp;c');
    const plain = await recordOneRequest((url) => simulatorAt(url).typeMessage('U0MARTA', '/password @piotr.nowak'));
    expect(new URLSearchParams(plain.body).get('text')).toBe('@piotr.nowak');
  });

  test('a global shortcut is a signed shortcut payload, and the demo\'s operator gets the help-desk modal from it', async () => {
    const recorded = await recordOneRequest((url) => simulatorAt(url).shortcut('U0MARTA', 'temporary-password'));
    const payload = JSON.parse(new URLSearchParams(recorded.body).get('payload') ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({ type: 'shortcut', callback_id: 'temporary-password', user: { id: 'U0MARTA' } });
    expect(recorded.headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);

    await postJson(`${demo.url}sim/shortcut`, { user: 'U0MARTA', callbackId: 'temporary-password' });
    expect((await shownView(demo, 'U0MARTA')).title.text).toBe('Temporary password');
  });
});

/** The modal the person sees once the bot has opened one (the test's timeout is the limit). */
async function shownView(demo: RunningDemo, user: string): Promise<{ title: { text: string } }> {
  type Shown = { view: { title: { text: string } } | null };
  let state: Shown = { view: null };
  while (!state.view) state = (await getJson(`${demo.url}sim/state?user=${user}`)) as Shown;
  return state.view;
}

/** Starts a server that records the first request, runs `act` against it, and returns what came. */
async function recordOneRequest(act: (url: string) => Promise<void>): Promise<Recorded> {
  let recorded: Recorded | undefined;
  const server = createServer((incoming, response) => {
    void readBody(incoming).then((body) => {
      recorded ??= { headers: incoming.headers, body: body.toString('utf8') };
      response.writeHead(200).end();
    });
  });
  const port = await listenOnLoopback(server);
  try {
    await act(`http://127.0.0.1:${port}/slack/events`);
  } finally {
    await closeServer(server);
  }
  if (!recorded) throw new Error('the simulator sent nothing');
  return recorded;
}

function pick(headers: IncomingHttpHeaders): Record<string, string> {
  const wanted = ['content-type', 'x-slack-signature', 'x-slack-request-timestamp', 'user-agent'];
  return Object.fromEntries(wanted.flatMap((name) => (typeof headers[name] === 'string' ? [[name, headers[name] as string]] : [])));
}

function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

async function getJson(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}
