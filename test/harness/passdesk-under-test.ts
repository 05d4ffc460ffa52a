import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { type PassdeskOptions, type RunningPassdesk, startPassdesk } from '../../src/passdesk';
import type { TestDirectoryServer } from './directory-server';
import { FakeClock } from './fake-clock';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './fake-slack';
import { type FakeSocketMode, startFakeSocketMode } from './fake-socket-mode';
import { type FakeTwilio, startFakeTwilio } from './fake-twilio';
import { SlackHttpDriver, SocketModeDriver } from './slack-driver';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

export const SIGNING_SECRET = 'sentinel-signing-secret-0123456789';
export const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_TOKEN = 'sentinel-twilio-auth-token';
/** PASSDESK_SECRET_KEY of every passdesk under test: long enough, and easy to find in a log. */
export const SECRET_KEY = 'sentinel-secret-key-0123456789abcdef0123456789abcdef';

export interface PassdeskUnderTest {
  slack: FakeSlack;
  twilio: FakeTwilio;
  smtp: SmtpSink;
  socketMode?: FakeSocketMode;
  driver: SlackHttpDriver | SocketModeDriver;
  clock: FakeClock;
  /** Every JSON log line passdesk wrote, across restarts. */
  logs: string[];
  /** The environment passdesk was started with: only DESIGN.md's configuration contract and documented extras. */
  env: Record<string, string>;
  passdesk: RunningPassdesk;
  /** Stops passdesk and starts a new process-like instance on the same store (a restart mid-flow). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The environment a deployer would write for passdesk against these fakes and this directory:
 * HTTP mode on a free port (signed with SIGNING_SECRET), or Socket Mode; `extra` overrides.
 */
export function deployerEnv(parts: {
  slack: FakeSlack;
  twilio: FakeTwilio;
  smtp: SmtpSink;
  directory: TestDirectoryServer;
  dataDir: string;
  socketMode?: FakeSocketMode;
  extra?: Record<string, string>;
}): Record<string, string> {
  const { slack, twilio, smtp, socketMode } = parts;
  return {
    SLACK_BOT_TOKEN: slack.botToken,
    ...(socketMode ? { SLACK_APP_TOKEN: socketMode.appToken, HEALTH_PORT: '0' } : { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0' }),
    SLACK_API_URL: slack.apiUrl,
    ...parts.directory.env,
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilio.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'passdesk <no-reply@uni.example>',
    DATABASE_URL: `sqlite:${join(parts.dataDir, 'passdesk.sqlite')}`,
    PASSDESK_SECRET_KEY: SECRET_KEY,
    LOG_LEVEL: 'debug',
    HELPDESK_CONTACT: 'the IT help desk (#it-help)',
    // The daily reminder sweep stays off unless a test turns it on, so it never joins another test's run.
    REMINDERS_ENABLED: 'false',
    ...parts.extra,
  };
}

/**
 * passdesk as a deployer runs it, configured only through its environment, against the fake
 * Slack and Twilio, an SMTP sink and a real directory server.
 */
export async function startPassdeskUnderTest(options: {
  directory: TestDirectoryServer;
  env?: Record<string, string>;
  socketMode?: boolean;
  /** Adapters passed to passdesk instead of the ones its config would build. */
  adapters?: PassdeskOptions['adapters'];
  /** A key passed to startPassdesk by its caller (as the demo does), with none in the environment. */
  secretKey?: string;
  /** Users, rate limits, ... of the fake Slack. */
  slack?: FakeSlackOptions;
}): Promise<PassdeskUnderTest> {
  const slack = await startFakeSlack(options.slack);
  const twilio = await startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN });
  const smtp = await startSmtpSink();
  const socketMode = options.socketMode ? await startFakeSocketMode({ slack }) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'passdesk-e2e-'));
  const clock = new FakeClock();
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });

  const env = deployerEnv({ slack, twilio, smtp, socketMode, directory: options.directory, dataDir, extra: options.env });
  if (options.secretKey !== undefined) delete env.PASSDESK_SECRET_KEY;

  const start = () => startPassdesk(loadConfig(env, { requireSecretKey: options.secretKey === undefined }),
    { logDestination, clock, adapters: options.adapters, secretKey: options.secretKey });
  const driverFor = (running: RunningPassdesk) =>
    socketMode
      ? new SocketModeDriver({ socketMode, teamId: slack.teamId, slack })
      : new SlackHttpDriver({
          url: `http://127.0.0.1:${running.port}/slack/events`,
          signingSecret: SIGNING_SECRET,
          teamId: slack.teamId,
          slack,
        });

  const harness: PassdeskUnderTest = {
    slack,
    twilio,
    smtp,
    socketMode,
    clock,
    logs,
    env,
    passdesk: await start(),
    driver: undefined as unknown as SlackHttpDriver, // set just below, once passdesk has a port
    async restart() {
      await harness.passdesk.stop();
      harness.passdesk = await start();
      harness.driver = driverFor(harness.passdesk);
      if (socketMode) await socketMode.waitForConnection();
    },
    async stop() {
      await harness.passdesk.stop();
      await socketMode?.stop();
      await Promise.all([slack.stop(), twilio.stop(), smtp.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  harness.driver = driverFor(harness.passdesk);
  if (socketMode) await socketMode.waitForConnection();
  return harness;
}
