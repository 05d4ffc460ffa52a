/**
 * `npm run bench`: latency from a signed `/password` to the `views.open` it causes, for 50
 * concurrent users, for passdesk and for a bare Bolt app measured in the same run (rounds
 * interleaved), printed with the ratio. A measurement, not a test: it exits 0 unless it breaks.
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log/logger';
import { startPassdesk } from '../src/passdesk';
import { startFakeTwilio } from '../test/harness/fake-twilio';
import { seedPeople } from '../test/harness/people';
import { startSlapd } from '../test/harness/slapd';
import { startSmtpSink } from '../test/harness/smtp-sink';
import { startBareApp } from './bare-app';
import { sendSignedCommand } from './send-command';
import { type FromSlackThread, sharedNow, startSlackThread, type ToSlackThread } from './slack-thread';
import { summarise, type Summary } from './stats';

const USERS = 50;
const ROUNDS = 10;
const TARGET_P99_RATIO = 1.5;
const SIGNING_SECRET = 'bench-signing-secret';
const TIMEOUT_MS = 10_000;

interface Target {
  name: string;
  port: number;
  /** How many views.update each /password causes (passdesk shows the first step). */
  updatesPerCommand: number;
}

/** The Slack thread, seen from here: trigger ids to hand out, and arrival times of calls. */
class SlackThread {
  private readonly arrivals = new Map<string, (at: number) => void>();
  private pendingTriggers?: (ids: string[]) => void;
  private updates = 0;
  private updateWaiter?: { count: number; resolve: () => void };

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromSlackThread) => this.receive(message));
  }

  triggers(userIds: string[]): Promise<string[]> {
    return new Promise((resolve) => {
      this.pendingTriggers = resolve;
      this.send({ kind: 'triggers', userIds });
    });
  }

  /** When Slack receives the views.open carrying this trigger id. */
  openedAt(triggerId: string): Promise<number> {
    return withTimeout(new Promise((resolve) => this.arrivals.set(triggerId, resolve)), `views.open for ${triggerId}`);
  }

  /** Resolves once `count` more views.update calls have arrived than `from`. */
  updatesSince(from: number, count: number): Promise<void> {
    if (this.updates - from >= count) return Promise.resolve();
    return withTimeout(new Promise((resolve) => {
      this.updateWaiter = { count: from + count, resolve };
    }), 'views.update calls');
  }

  get updateCount(): number {
    return this.updates;
  }

  async stop(): Promise<void> {
    this.send({ kind: 'stop' });
    await once(this.worker, 'exit');
  }

  private receive(message: FromSlackThread): void {
    if (message.kind === 'triggers') this.pendingTriggers?.(message.triggerIds);
    if (message.kind !== 'call') return;
    if (message.failure) throw new Error(`${message.method} failed: ${message.failure}`);
    if (message.method === 'views.open' && message.triggerId) this.arrivals.get(message.triggerId)?.(message.at);
    if (message.method === 'views.update') {
      this.updates += 1;
      if (this.updateWaiter && this.updates >= this.updateWaiter.count) this.updateWaiter.resolve();
    }
  }

  private send(message: ToSlackThread): void {
    this.worker.postMessage(message);
  }
}

async function main(): Promise<void> {
  const slapd = await startSlapd();
  const twilio = await startFakeTwilio({ accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'bench' });
  const smtp = await startSmtpSink();
  const userIds: string[] = [];
  const slackUsers: Record<string, { email: string }> = {};
  for (let i = 0; i < USERS; i += 1) {
    const people = await seedPeople(slapd, { tag: `b${i}` });
    userIds.push(`UBENCH${i}`);
    slackUsers[`UBENCH${i}`] = { email: people.staff.mail };
  }
  const worker = startSlackThread(slackUsers);
  const [ready] = (await once(worker, 'message')) as [Extract<FromSlackThread, { kind: 'ready' }>];
  const slack = new SlackThread(worker);

  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const config = loadConfig({
    SLACK_BOT_TOKEN: ready.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: ready.apiUrl,
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
  });
  const passdesk = await startPassdesk(config, { logDestination: discard });
  const bare = await startBareApp(config.slack, createLogger('warn', discard));
  const targets: Target[] = [
    { name: 'bare Bolt app', port: bare.port, updatesPerCommand: 0 },
    { name: 'passdesk', port: passdesk.port ?? 0, updatesPerCommand: 1 },
  ];

  const samples = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  try {
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const latencies = await runRound(slack, target, userIds, ready.teamId);
        if (round > 0) samples.get(target.name)?.push(...latencies); // round 0 warms up
      }
    }
  } finally {
    await passdesk.stop();
    await bare.stop();
    await slack.stop();
    await Promise.all([twilio.stop(), smtp.stop(), slapd.stop()]);
  }
  report(summarise(samples.get('bare Bolt app') ?? []), summarise(samples.get('passdesk') ?? []));
}

/** All users send `/password` at once; each latency ends when Slack receives that user's views.open. */
async function runRound(slack: SlackThread, target: Target, userIds: string[], teamId: string): Promise<number[]> {
  const triggerIds = await slack.triggers(userIds);
  const updatesBefore = slack.updateCount;
  const latencies = await Promise.all(userIds.map(async (userId, index) => {
    const triggerId = triggerIds[index];
    const opened = slack.openedAt(triggerId);
    const sentAt = sharedNow();
    const status = await sendSignedCommand({ port: target.port, signingSecret: SIGNING_SECRET, teamId, userId, triggerId });
    if (status !== 200) throw new Error(`${target.name} answered /password with HTTP ${status}`);
    return (await opened) - sentAt;
  }));
  // Let the app finish what the round started (passdesk updates each modal) before the next one.
  await slack.updatesSince(updatesBefore, userIds.length * target.updatesPerCommand);
  return latencies;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
