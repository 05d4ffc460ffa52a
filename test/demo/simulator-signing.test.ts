import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import { closeServer, listenOnLoopback, readBody } from '../../src/demo/slack-api/loopback-http';
import { type FakeSlack, startFakeSlack } from '../../src/demo/slack-api/fake-slack';
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
    type Shown = { view: { title: { text: string } } | null };
    let state: Shown = { view: null };
    while (!state.view) state = (await getJson(`${demo.url}sim/state?user=U0ANNA`)) as Shown;
    // `/password` opens its menu at once.
    expect(state.view.title.text).toBe('Password help');
  });

  test('the exact bytes the simulator sends are accepted; altered body or timestamp are refused', async () => {
    const recorded = await recordOneRequest(async (url) => {
      const simulator = new SlackSimulator(slack, { botUrl: url, signingSecret: demo.signingSecret, simulatorOrigin: 'http://127.0.0.1:9', commands: ['/password'] });
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
