/**
 * `npm run bench`: latency from a signed `/password` to the `views.open` it causes, for 50
 * concurrent users, for passdesk and for a bare Bolt app measured in the same run (rounds
 * interleaved), printed with the ratio. A measurement, not a test: it exits 0 unless it breaks.
 */
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log/logger';
import { startPassdesk } from '../src/passdesk';
import { startFakeSlack, type FakeSlack } from '../test/harness/fake-slack';
import { startFakeTwilio } from '../test/harness/fake-twilio';
import { seedPeople } from '../test/harness/people';
import { startSlapd } from '../test/harness/slapd';
import { startSmtpSink } from '../test/harness/smtp-sink';
import { startBareApp } from './bare-app';
import { sendSignedCommand } from './send-command';
import { summarise, type Summary } from './stats';

const USERS = 50;
const ROUNDS = 10;
const TARGET_P99_RATIO = 1.5;
const SIGNING_SECRET = 'bench-signing-secret';
const TIMEOUT_MS = 10_000;

interface Target {
  name: string;
  port: number;
  /** Resolves when the app's work caused by the round's commands is over (passdesk updates its modals). */
  settle(since: number): Promise<void>;
}

async function main(): Promise<void> {
  const slack = await startFakeSlack();
  const twilio = await startFakeTwilio({ accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'bench' });
  const smtp = await startSmtpSink();
  const slapd = await startSlapd();
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const users: string[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const people = await seedPeople(slapd, { tag: `b${i}` });
    const userId = `UBENCH${i}`;
    slack.setUser(userId, { email: people.staff.mail });
    users.push(userId);
  }

  const env = {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    ...slapd.env,
    TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
    TWILIO_AUTH_TOKEN: 'bench',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilio.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'bench@uni.example',
    DATABASE_URL: `sqlite:${slapd.caFile.replace(/ca\.pem$/, 'bench.sqlite')}`,
    LOG_LEVEL: 'warn',
    LIMIT_FLOWS_PER_DAY: '1000000',
    LIMIT_SMS_PER_HOUR: '1000000',
    LIMIT_WRONG_ANSWERS_PER_HOUR: '1000000',
  };
  const config = loadConfig(env);
  const passdesk = await startPassdesk(config, { logDestination: discard });
  const bare = await startBareApp(config.slack, createLogger('warn', discard));

  const targets: Target[] = [
    { name: 'bare Bolt app', port: bare.port, settle: async () => undefined },
    {
      name: 'passdesk',
      port: passdesk.port ?? 0,
      // Each /password ends with one views.update (the first step); wait for all of them.
      settle: (since) => waitForCount(slack, 'views.update', since, USERS),
    },
  ];

  const samples = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  try {
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const latencies = await runRound(slack, target, users);
        if (round > 0) samples.get(target.name)?.push(...latencies); // round 0 warms up
      }
    }
  } finally {
    await passdesk.stop();
    await bare.stop();
    await Promise.all([slack.stop(), twilio.stop(), smtp.stop(), slapd.stop()]);
  }
  report(summarise(samples.get('bare Bolt app') ?? []), summarise(samples.get('passdesk') ?? []));
}

/** All users send `/password` at once; each latency ends when Slack receives that user's views.open. */
async function runRound(slack: FakeSlack, target: Target, users: string[]): Promise<number[]> {
  const since = slack.calls.length;
  const latencies = await Promise.all(users.map(async (userId) => {
    const triggerId = slack.issueTriggerId(userId);
    let arrivedAt = 0;
    const opened = slack.waitForCall('views.open', {
      since,
      timeoutMs: TIMEOUT_MS,
      where: (call) => {
        if (call.args.trigger_id !== triggerId) return false;
        arrivedAt = performance.now();
        return true;
      },
    });
    const sentAt = performance.now();
    const status = await sendSignedCommand({ port: target.port, signingSecret: SIGNING_SECRET, teamId: slack.teamId, userId, triggerId });
    if (status !== 200) throw new Error(`${target.name} answered /password with HTTP ${status}`);
    const call = await opened;
    if (call.failure) throw new Error(`${target.name}: views.open failed (${call.failure})`);
    return arrivedAt - sentAt;
  }));
  await target.settle(since);
  return latencies;
}

async function waitForCount(slack: FakeSlack, method: string, since: number, count: number): Promise<void> {
  let seen = 0;
  await slack.waitFor((call, index) => index >= since && call.method === method && (seen += 1) >= count, TIMEOUT_MS);
}

function report(baseline: Summary, passdesk: Summary): void {
  const row = (name: string, s: Summary) =>
    `${name.padEnd(15)} ${fmt(s.p50).padStart(9)} ${fmt(s.p99).padStart(9)} ${fmt(s.mean).padStart(9)} ${String(s.samples).padStart(8)}`;
  const p50Ratio = passdesk.p50 / baseline.p50;
  const p99Ratio = passdesk.p99 / baseline.p99;
  const lines = [
    `/password → views.open, ${USERS} concurrent users, ${ROUNDS} rounds each (interleaved, after a warm-up round)`,
    '',
    `${'app'.padEnd(15)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'mean ms'.padStart(9)} ${'samples'.padStart(8)}`,
    row('bare Bolt app', baseline),
    row('passdesk', passdesk),
    '',
    `ratio passdesk / bare: p50 ${p50Ratio.toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x ` +
      `(target p99 ≤ ${TARGET_P99_RATIO}x: ${p99Ratio <= TARGET_P99_RATIO ? 'met' : 'missed'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
