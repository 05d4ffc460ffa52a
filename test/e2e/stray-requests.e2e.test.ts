import { SIGNING_SECRET, type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { postInParts, type RawResponse, rawRequest, signedPost } from '../harness/raw-http';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/**
 * HTTP mode facing the internet: scanners, probes and junk, signed or not. Nothing a request
 * carries may end the process. Jest fails the running test on any uncaught exception or
 * unhandled rejection in this process, which is where passdesk runs, so each test below also
 * shows that its requests escaped nowhere.
 */

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
/** What Bolt's own HTTPReceiver logs when its 3-second wait for an ack runs out. */
const BOLT_ACK_TIMEOUT_LOG = 'not acknowledged within 3 seconds';

let slapd: SlapdServer;
let harness: PassdeskUnderTest;
beforeAll(async () => {
  slapd = await startSlapd();
  harness = await startPassdeskUnderTest({ directory: slapd });
});
afterAll(async () => {
  await harness?.stop();
  await slapd?.stop();
});

const port = () => {
  if (harness.passdesk.port === undefined) throw new Error('passdesk is not in HTTP mode');
  return harness.passdesk.port;
};

/** Method, path, the status it must get. */
const STRAY_ROUTES: [string, string, number][] = [
  ['GET', '/', 404],
  ['GET', '/slack/events', 405],
  ['HEAD', '/slack/events', 405],
  ['PUT', '/slack/events', 405],
  ['DELETE', '/slack/events', 405],
  ['POST', '/other', 404],
  ['POST', '/slack/events/', 404],
  ['GET', '/.env', 404],
  ['OPTIONS', '*', 404],
  ['POST', '/healthz', 405],
];

/**
 * Refused by the receiver as not a Slack envelope (400), or left to Bolt, which finds no listener
 * for it or cannot read its shape: then a 400 or an empty 200 are both right.
 */
type JunkAnswer = 400 | 'left to Bolt';

/** Signed, so only its content can be wrong. Name, content type, body, the answer it must get. */
const SIGNED_JUNK: [string, string, string, JunkAnswer][] = [
  ['payload=null', FORM, 'payload=null', 400],
  ['a JSON null body', JSON_TYPE, 'null', 400],
  ['a JSON array', JSON_TYPE, '[]', 400],
  ['a JSON number', JSON_TYPE, '42', 400],
  ['a JSON string payload', FORM, `payload=${encodeURIComponent('"text"')}`, 400],
  ['a payload that is not JSON', FORM, 'payload=%7Bnot-json', 400],
  ['a body that is not JSON', JSON_TYPE, '{not-json', 400],
  ['two payload fields', FORM, 'payload=%7B%7D&payload=%7B%7D', 400],
  ['an empty JSON object', JSON_TYPE, '{}', 'left to Bolt'],
  ['an unknown type', FORM, `payload=${encodeURIComponent(JSON.stringify({ type: 'no_such_type', team: { id: 'T0' } }))}`, 'left to Bolt'],
  ['a form with neither payload nor command', FORM, 'hello=world', 'left to Bolt'],
  ['an unknown slash command', FORM, 'command=%2Fnot-ours&user_id=U1&team_id=T0&trigger_id=1.2.3', 'left to Bolt'],
  ['block_actions without actions or user', FORM, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`, 'left to Bolt'],
  ['block_actions whose actions are a string', FORM,
    `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: 'resend', user: { id: 'U1' } }))}`, 'left to Bolt'],
  ['view_submission without a view', FORM, `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: 'U1' } }))}`, 'left to Bolt'],
  ['view_submission whose view is a number', FORM,
    `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', view: 7, user: { id: 'U1' } }))}`, 'left to Bolt'],
  ['a /password step submission without a user or state', FORM,
    `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', view: { id: 'V1', callback_id: 'password-reset.identity' } }))}`, 'left to Bolt'],
  ['an event that is null', JSON_TYPE, JSON.stringify({ type: 'event_callback', event: null, team_id: 'T0' }), 'left to Bolt'],
  ['an event that is a number', JSON_TYPE, JSON.stringify({ type: 'event_callback', event: 5, team_id: 'T0' }), 'left to Bolt'],
  ['an event type passdesk does not listen to', JSON_TYPE,
    JSON.stringify({ type: 'event_callback', team_id: 'T0', event: { type: 'reaction_added', user: 'U1' } }), 'left to Bolt'],
];

/**
 * A 400, or an empty 200 ("nothing to do") where no listener took the request. Never a 5xx, and
 * never the 404 that Bolt's HTTPReceiver sends when its 3-second wait for an ack runs out.
 */
function expectPromptAnswer(response: RawResponse, expected: JunkAnswer): void {
  if (expected === 400) {
    expect(response.status).toBe(400);
    return;
  }
  expect([200, 400]).toContain(response.status);
  if (response.status === 200) expect(response.text).toBe('');
}

describe('the HTTP server in front of passdesk', () => {
  it.each(STRAY_ROUTES)('answers %s %s with %i', async (method, path, status) => {
    const response = await rawRequest(port(), { method, path });
    expect(response.status).toBe(status);
    if (status === 405) expect(response.headers.allow).toBeDefined();
  });

  it('answers the health route whatever the query string, and to HEAD', async () => {
    const probe = await rawRequest(port(), { method: 'GET', path: '/healthz?probe=1' });
    expect(probe.status).toBe(200);
    expect(probe.text).toBe('ok');
    expect((await rawRequest(port(), { method: 'HEAD', path: '/healthz' })).status).toBe(200);
  });

  it.each(SIGNED_JUNK)('answers a signed request with %s at once (%#)', async (_name, contentType, body, expected) => {
    const logsBefore = harness.logs.length;
    const response = await signedPost(port(), SIGNING_SECRET, contentType, body);
    expectPromptAnswer(response, expected);
    // Bolt's unhandled-request timer was never what answered.
    expect(harness.logs.slice(logsBefore).join('\n')).not.toContain(BOLT_ACK_TIMEOUT_LOG);
  });

  it('answers Slack\'s unsigned ssl_check with an empty 200 and dispatches nothing', async () => {
    const since = harness.slack.calls.length;
    const response = await rawRequest(port(), {
      method: 'POST', path: '/slack/events', headers: { 'content-type': FORM }, body: 'ssl_check=1&command=%2Fpassword&user_id=U1&trigger_id=1',
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(harness.slack.calls.slice(since)).toEqual([]);
  });

  it('refuses a 4 MB unsigned body by its declared length, before it has arrived', async () => {
    const size = 4 * 1024 * 1024;
    const result = await postInParts(port(), {
      path: '/slack/events',
      headers: { 'content-type': FORM, 'content-length': String(size) },
      firstPart: Buffer.alloc(64 * 1024, 'a'),
      rest: Buffer.alloc(size - 64 * 1024, 'a'),
    });
    expect(result.response.status).toBe(413);
    expect(result.answeredBeforeBodyEnded).toBe(true);
  });

  it('refuses a large chunked body once it passes the limit, without waiting for its end', async () => {
    const result = await postInParts(port(), {
      path: '/slack/events',
      headers: { 'content-type': FORM, 'transfer-encoding': 'chunked' },
      firstPart: Buffer.alloc(2 * 1024 * 1024, 'a'),
      rest: Buffer.alloc(2 * 1024 * 1024, 'a'),
    });
    expect(result.response.status).toBe(413);
    expect(result.answeredBeforeBodyEnded).toBe(true);
  });

  it('still walks /password from start to finish after every one of these requests', async () => {
    for (const [method, path] of STRAY_ROUTES) await rawRequest(port(), { method, path });
    await rawRequest(port(), { method: 'GET', path: '/healthz?probe=1' });
    for (const [, contentType, body] of SIGNED_JUNK) await signedPost(port(), SIGNING_SECRET, contentType, body);

    const people = await seedPeople(slapd, { tag: 'stray' });
    harness.slack.setUser('USTRAY', { email: people.staff.mail });
    const user = new SlackUser(harness, 'USTRAY');
    await user.runPassword();
    const since = harness.twilio.messages.length;
    await user.submit([['Last 3 digits of your registered phone number', JAN_PHONE.slice(-3)], user.challenge()]);
    await user.submit([['Code from the SMS', await nextSmsCode(harness, since)]]);
    await user.submit([['New password', 'Stray-Cat-Walks;42'], ['New password again', 'Stray-Cat-Walks;42']]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(await slapd.canBind(people.staff.dn, 'Stray-Cat-Walks;42')).toBe(true);
  });
});
