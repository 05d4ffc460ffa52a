import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startPassdesk } from '../../src/passdesk';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';
import { SECRET_KEY, TWILIO_SID } from '../harness/passdesk-under-test';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink';
import { createTestCertificates } from '../harness/tls';

/**
 * At start passdesk binds to the directory, connects to the SMTP relay and asks Slack's
 * `auth.test`; a failure stops it with each problem named plainly, and nothing left open.
 */

let slapd: SlapdServer;
let slack: FakeSlack;
let smtp: SmtpSink;
/** A loopback port nothing listens on. */
let closed: number;
const dir = mkdtempSync(join(tmpdir(), 'passdesk-startup-'));
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

beforeAll(async () => {
  [slapd, slack, smtp] = await Promise.all([startSlapd(), startFakeSlack(), startSmtpSink()]);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closed = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
});
afterAll(async () => {
  await Promise.all([slapd?.stop(), slack?.stop(), smtp?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: 'sentinel-signing-secret',
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    ...slapd.env,
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: 'sentinel-twilio-token',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: 'http://127.0.0.1:1',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'passdesk <no-reply@uni.example>',
    PASSDESK_SECRET_KEY: SECRET_KEY,
    DATABASE_URL: `sqlite:${join(dir, 'passdesk.sqlite')}`,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

async function startFailure(overrides: Record<string, string>): Promise<string> {
  try {
    const running = await startPassdesk(loadConfig(env(overrides)), { logDestination: quiet });
    await running.stop();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('passdesk started');
}

describe('start-up checks', () => {
  it('names a refused service-account bind, without the password', async () => {
    const message = await startFailure({ LDAP_BIND_PASSWORD: 'sentinel-wrong-password' });
    expect(message).toBe('passdesk cannot start:\n  - directory: bind refused for LDAP_BIND_DN (wrong DN or LDAP_BIND_PASSWORD)');
  });

  it('names a directory that does not answer', async () => {
    expect(await startFailure({ LDAP_URL: `ldaps://127.0.0.1:${closed}` }))
      .toBe('passdesk cannot start:\n  - directory: cannot reach LDAP_URL (ECONNREFUSED)');
  });

  it("names a directory whose certificate the CA file does not vouch for", async () => {
    const other = createTestCertificates(mkdtempSync(join(dir, 'other-ca-')));
    expect(await startFailure({ LDAP_CA_FILE: other.caFile })).toMatch(
      /^passdesk cannot start:\n {2}- directory: the directory's TLS certificate is not trusted( \([A-Z_]+\))?; check LDAP_CA_FILE/,
    );
  });

  it('names an SMTP relay that does not answer', async () => {
    expect(await startFailure({ SMTP_URL: `smtp://127.0.0.1:${closed}` }))
      .toBe('passdesk cannot start:\n  - mail: cannot connect to the SMTP server in SMTP_URL (ECONNREFUSED)');
  });

  it('names a bot token Slack refuses, without the token', async () => {
    const message = await startFailure({ SLACK_BOT_TOKEN: 'xoxb-sentinel-revoked-token' });
    expect(message).toBe('passdesk cannot start:\n  - slack: SLACK_BOT_TOKEN refused by auth.test (invalid_auth)');
  });

  it('names a Slack API it cannot reach, not "fetch failed"', async () => {
    expect(await startFailure({ SLACK_API_URL: `http://127.0.0.1:${closed}/api/` })).toBe(
      'passdesk cannot start:\n  - slack: cannot reach the Slack Web API (ECONNREFUSED); check SLACK_API_URL and the network',
    );
  });

  it('lists every failed check at once, then starts once they are fixed, nothing left locked', async () => {
    const message = await startFailure({
      LDAP_BIND_PASSWORD: 'sentinel-wrong-password',
      SMTP_URL: `smtp://127.0.0.1:${closed}`,
      SLACK_BOT_TOKEN: 'xoxb-sentinel-revoked-token',
    });
    expect(message.split('\n').slice(1)).toEqual([
      '  - slack: SLACK_BOT_TOKEN refused by auth.test (invalid_auth)',
      '  - directory: bind refused for LDAP_BIND_DN (wrong DN or LDAP_BIND_PASSWORD)',
      '  - mail: cannot connect to the SMTP server in SMTP_URL (ECONNREFUSED)',
    ]);
    expect(message).not.toContain('sentinel');
    const running = await startPassdesk(loadConfig(env()), { logDestination: quiet });
    await running.stop();
  });
});
