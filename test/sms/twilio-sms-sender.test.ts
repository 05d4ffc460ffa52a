import { createServer } from 'node:http';
import { redirectUri } from '../../src/sms/redirecting-request-client';
import { SmsError } from '../../src/sms/sms-sender';
import { TwilioSmsSender } from '../../src/sms/twilio-sms-sender';
import { startFakeTwilio, type FakeTwilio } from '../harness/fake-twilio';
import { closeServer, listenOnLoopback } from '../harness/loopback-http';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'sentinel-auth-token-7f3a';
const FROM = '+15005550006';
const TO = '+48600100234';
const BODY = 'passdesk code: 914273';

async function rejection(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SmsError);
    return error as SmsError;
  }
  throw new Error('expected the send to fail');
}

function expectNoSecrets(error: SmsError): void {
  const text = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
  expect(text).not.toContain(AUTH_TOKEN);
  expect(text).not.toContain('914273');
  expect(text).not.toContain(TO);
  expect(text).not.toContain(TO.slice(1));
  expect(error.cause).toBeUndefined();
}

describe('TwilioSmsSender against the fake Twilio', () => {
  let twilio: FakeTwilio;

  beforeAll(async () => {
    twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  });
  afterEach(() => twilio.reset());
  afterAll(() => twilio.stop());

  const sender = (overrides: Partial<ConstructorParameters<typeof TwilioSmsSender>[0]> = {}) =>
    new TwilioSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiUrl: twilio.url, ...overrides });

  it('delivers the message with to, from and body and returns the message SID', async () => {
    const { messageId } = await sender().send(TO, BODY);

    const delivered = await twilio.waitForMessage(TO);
    expect(delivered).toMatchObject({ to: TO, from: FROM, body: BODY, accountSid: ACCOUNT_SID });
    expect(messageId).toBe(delivered.sid);
    expect(messageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('keeps non-ASCII text intact through the SDK encoding', async () => {
    await sender().send(TO, 'Kod: 123456 — hasło zmienione, è stata cambiata');
    expect((await twilio.waitForMessage(TO)).body).toBe('Kod: 123456 — hasło zmienione, è stata cambiata');
  });

  it('maps bad credentials to an SmsError with code 20003 and without the token', async () => {
    const error = await rejection(sender({ authToken: 'wrong-token' }).send(TO, BODY));
    expect(error.providerCode).toBe(20003);
    expect(error.message).toContain('401');
    expect(error.message).not.toContain('wrong-token');
    expectNoSecrets(error);
    expect(twilio.messages).toHaveLength(0);
  });

  it("maps Twilio's error code and keeps its wording (which quotes the number) out", async () => {
    twilio.failNext({ status: 400, code: 21211, message: `The 'To' number ${TO} is not a valid phone number. Body: ${BODY}` });
    const error = await rejection(sender().send(TO, BODY));
    expect(error.providerCode).toBe(21211);
    expect(error.message).toBe("Twilio refused the message (HTTP 400, code 21211, invalid 'To' number)");
    expectNoSecrets(error);
  });

  it("answers a malformed number the way Twilio does, and the error still hides it", async () => {
    const error = await rejection(sender().send('600100234', BODY));
    expect(error.providerCode).toBe(21211);
    expect(error.message).not.toContain('600100234');
  });

  it('fails at once on a 500 (no retries) and names the status', async () => {
    twilio.failNext({ status: 500, code: 20500, message: 'Internal Server Error' });
    const error = await rejection(sender().send(TO, BODY));
    expect(error.message).toBe('Twilio refused the message (HTTP 500, code 20500)');
    expect(twilio.messages).toHaveLength(0);
    // the next send goes through: the failure was used by exactly one request
    await sender().send(TO, BODY);
    expect(twilio.messages).toHaveLength(1);
  });

  it('does not retry a 429 (a retry would have delivered it)', async () => {
    twilio.failNext({ status: 429, code: 20429, message: 'Too Many Requests' });
    const error = await rejection(sender().send(TO, BODY));
    expect(error.message).toBe('Twilio refused the message (HTTP 429, code 20429, too many requests)');
    expect(twilio.messages).toHaveLength(0);
  });

  it('reports an unreachable endpoint without details', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed);
    await closeServer(closed);
    const error = await rejection(sender({ apiUrl: `http://127.0.0.1:${port}` }).send(TO, BODY));
    expect(error.message).toBe('could not reach Twilio (ECONNREFUSED)');
    expectNoSecrets(error);
  });

  it('gives up after timeoutMs when Twilio does not answer', async () => {
    const silent = createServer(() => undefined);
    const port = await listenOnLoopback(silent);
    try {
      const error = await rejection(sender({ apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }).send(TO, BODY));
      expect(error.message).toBe('Twilio did not answer in time');
      expectNoSecrets(error);
    } finally {
      await closeServer(silent);
    }
  });
});

describe('redirectUri', () => {
  const uri = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?PageSize=1`;

  it('leaves the URI alone without a base URL', () => {
    expect(redirectUri(uri, undefined)).toBe(uri);
  });

  it('swaps the origin and keeps path and query', () => {
    expect(redirectUri(uri, 'http://127.0.0.1:4010/')).toBe(
      `http://127.0.0.1:4010/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?PageSize=1`,
    );
  });

  it('keeps a path prefix of the base URL (egress proxies)', () => {
    expect(redirectUri(uri, 'https://proxy.uni.example/twilio/')).toBe(
      `https://proxy.uni.example/twilio/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json?PageSize=1`,
    );
  });
});
