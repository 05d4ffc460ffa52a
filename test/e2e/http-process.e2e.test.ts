import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';
import { type FakeTwilio, startFakeTwilio } from '../harness/fake-twilio';
import { startProcess } from '../harness/passdesk-process';
import { SIGNING_SECRET, TWILIO_SID, TWILIO_TOKEN, deployerEnv } from '../harness/passdesk-under-test';
import { rawRequest, signedPost } from '../harness/raw-http';
import { SlackHttpDriver } from '../harness/slack-driver';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink';

/**
 * The symptom as reported: `npm start` in HTTP mode, one unauthenticated `GET /`, and the process
 * was gone. Here passdesk runs as its own process (src/main.ts, as `npm start` runs it).
 */

let slapd: SlapdServer;
let slack: FakeSlack;
let twilio: FakeTwilio;
let smtp: SmtpSink;
let dataDir: string;
beforeAll(async () => {
  slapd = await startSlapd();
  slack = await startFakeSlack();
  twilio = await startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN });
  smtp = await startSmtpSink();
  dataDir = mkdtempSync(join(tmpdir(), 'passdesk-process-'));
});
afterAll(async () => {
  await Promise.all([slack?.stop(), twilio?.stop(), smtp?.stop(), slapd?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('passdesk as a process in HTTP mode', () => {
  it('is still running after stray and junk requests, answers /password, and stops cleanly', async () => {
    const env = deployerEnv({ slack, twilio, smtp, directory: slapd, dataDir, extra: { LOG_LEVEL: 'info' } });
    const running = await startProcess(env);
    try {
      expect((await rawRequest(running.port, { method: 'GET', path: '/' })).status).toBe(404);
      expect((await rawRequest(running.port, { method: 'HEAD', path: '/slack/events' })).status).toBe(405);
      expect((await signedPost(running.port, SIGNING_SECRET, 'application/x-www-form-urlencoded', 'payload=null')).status).toBe(400);
      expect((await signedPost(running.port, SIGNING_SECRET, 'application/json', 'null')).status).toBe(400);
      expect((await signedPost(running.port, SIGNING_SECRET, 'application/json', '{"event":null}')).status).toBe(400);

      expect(running.child.exitCode).toBeNull();
      expect((await rawRequest(running.port, { method: 'GET', path: '/healthz?probe=1' })).text).toBe('ok');
      const driver = new SlackHttpDriver({ url: `http://127.0.0.1:${running.port}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack });
      const since = slack.calls.length;
      expect((await driver.slashCommand('UPROCESS', '/password')).status).toBe(200);
      await slack.waitForCall('views.open', { since });
    } finally {
      running.child.kill('SIGTERM');
    }
    expect(await running.exited).toBe(0);
    expect(running.output.join('\n')).not.toMatch(/uncaught exception|unhandled promise rejection/);
  }, 60_000);
});
