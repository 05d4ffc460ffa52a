/**
 * `npm run bench`: latency from a signed `/password` to the `views.open` it causes, for 50
 * concurrent users, for passdesk and for a bare Bolt app measured in the same run (rounds
 * interleaved), printed with the ratio. A measurement, not a test: it exits 0 unless it breaks
 * (a request not answered 200, a views.open or views.update that never comes, a Slack call that
 * fails, passdesk not reaching its first real step).
 *
 * BENCH_ROUNDS (default 20) and BENCH_WARMUP (default 5) set the rounds per app; BENCH_VERBOSE=1
 * prints each round with its longest event-loop stall.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log/logger';
import { startPassdesk } from '../src/passdesk';
import { RESET_CALLBACK } from '../src/slack/views/password-reset/ids';
import { startFakeTwilio } from '../test/harness/fake-twilio';
import { createOwnedTempDir } from '../test/harness/owned-temp-dir';
import { seedPeople } from '../test/harness/people';
import { startSlapd } from '../test/harness/slapd';
import { startSmtpSink } from '../test/harness/smtp-sink';
import { startBareApp } from './bare-app';
import { sendSignedCommand } from './send-command';
import { type FromSlackThread, sharedNow, startSlackThread, type ToSlackThread } from './slack-thread';
import { summarise, type Summary } from './stats';

const USERS = 50;
/** Measured rounds per app (`BENCH_ROUNDS`), after `BENCH_WARMUP` discarded ones (JIT, first connections). */
const ROUNDS = positiveInt('BENCH_ROUNDS', 20);
const WARMUP_ROUNDS = positiveInt('BENCH_WARMUP', 5);
const TARGET_P99_RATIO = 1.5;
const SIGNING_SECRET = 'bench-signing-secret';
const TIMEOUT_MS = 10_000;
/** `BENCH_VERBOSE=1`: also print each round's p50 and max, to see where a tail comes from. */
const VERBOSE = process.env.BENCH_VERBOSE === '1';

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
  private fail!: (error: Error) => void; // set by the executor below (fields initialise in order)
  /** Rejects when Slack saw something wrong (a failed call, an unexpected screen) or the thread died. */
  readonly failed = new Promise<never>((_resolve, reject) => {
    this.fail = reject;
  });

  constructor(private readonly worker: Worker) {
    this.failed.catch(() => undefined); // observed by whoever waits; never an unhandled rejection
    worker.on('message', (message: FromSlackThread) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
  }

  triggers(userIds: string[]): Promise<string[]> {
    return this.waitOrFail(new Promise((resolve) => {
      this.pendingTriggers = resolve;
      this.send({ kind: 'triggers', userIds });
    }), 'trigger ids');
  }

  /** When Slack receives the views.open carrying this trigger id. */
  openedAt(triggerId: string): Promise<number> {
    return this.waitOrFail(new Promise<number>((resolve) => this.arrivals.set(triggerId, resolve)), `views.open for ${triggerId}`)
      .finally(() => this.arrivals.delete(triggerId));
  }

  /** Resolves once `count` more views.update calls have arrived than `from`. */
  updatesSince(from: number, count: number): Promise<void> {
    if (this.updates - from >= count) return Promise.resolve();
    return this.waitOrFail(new Promise((resolve) => {
      this.updateWaiter = { count: from + count, resolve };
    }), `${count} views.update calls`);
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
    if (message.failure) {
      this.fail(new Error(`the fake Slack answered ${message.method} with ${message.failure}`));
      return;
    }
    if (message.method === 'views.open' && message.triggerId) this.arrivals.get(message.triggerId)?.(message.at);
    if (message.method === 'views.update') {
      // passdesk's first step: anything else (an error screen) means the flow did not really run.
      if (message.callbackId !== RESET_CALLBACK.identity) {
        this.fail(new Error(`passdesk updated the modal to ${message.callbackId ?? 'no callback id'}, not the identity step`));
        return;
      }
      this.updates += 1;
      if (this.updateWaiter && this.updates >= this.updateWaiter.count) this.updateWaiter.resolve();
    }
  }

  private waitOrFail<T>(promise: Promise<T>, what: string): Promise<T> {
    return withTimeout(Promise.race([promise, this.failed]), what);
  }

  private send(message: ToSlackThread): void {
    this.worker.postMessage(message);
  }
}

async function main(): Promise<void> {
  // Everything started is stopped, newest first, even when a later step fails.
  const stops: Array<() => Promise<void>> = [];
  const samples = new Map<string, number[]>();
  try {
    const slapd = await startSlapd();
    stops.push(() => slapd.stop());
    const twilio = await startFakeTwilio({ accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'bench' });
    stops.push(() => twilio.stop());
    const smtp = await startSmtpSink();
    stops.push(() => smtp.stop());
    const dataDir = createOwnedTempDir('passdesk-bench-');
    stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));

    // One directory person per user, so each /password really finds an account with a phone.
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
    stops.push(() => slack.stop());

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
      DATABASE_URL: `sqlite:${join(dataDir, 'passdesk.sqlite')}`,
      PASSDESK_SECRET_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      // Every user starts a flow each round: nobody may be rate-limited mid-bench.
      LIMIT_FLOWS_PER_DAY: '1000000',
      LIMIT_FLOWS_PER_TEAM_PER_HOUR: '1000000',
      LIMIT_SMS_PER_HOUR: '1000000',
      LIMIT_WRONG_ANSWERS_PER_HOUR: '1000000',
    });
    const passdesk = await startPassdesk(config, { logDestination: discard });
    stops.push(() => passdesk.stop());
    const bare = await startBareApp(config.slack, createLogger('warn', discard));
    stops.push(() => bare.stop());
    const targets: Target[] = [
      { name: 'bare Bolt app', port: bare.port, updatesPerCommand: 0 },
      { name: 'passdesk', port: passdesk.port ?? 0, updatesPerCommand: 1 },
    ];
    for (const target of targets) samples.set(target.name, []);

    for (let round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round += 1) {
      // ABBA order: neither app always runs right after the other's round.
      for (const target of Math.abs(round) % 2 === 0 ? targets : [...targets].reverse()) {
        const loopDelay = monitorEventLoopDelay({ resolution: 1 });
        loopDelay.enable();
        const latencies = await runRound(slack, target, userIds, ready.teamId);
        loopDelay.disable();
        if (round > 0) samples.get(target.name)?.push(...latencies); // rounds up to 0 warm up
        if (VERBOSE) {
          const s = summarise(latencies);
          process.stdout.write(`round ${String(round).padStart(2)} ${target.name.padEnd(15)} p50 ${fmt(s.p50).padStart(8)}  ` +
            `max ${fmt(Math.max(...latencies)).padStart(8)}  longest event-loop stall ${fmt(loopDelay.max / 1e6).padStart(7)}\n`);
        }
      }
    }
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => {
        process.stderr.write(`bench: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      });
    }
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
    const answered = sendSignedCommand({ port: target.port, signingSecret: SIGNING_SECRET, teamId, userId, triggerId })
      .then((status) => {
        if (status !== 200) throw new Error(`${target.name} answered /password with HTTP ${status}`);
      });
    // Both awaited together, so a failure of either is never an unobserved rejection.
    const [openedAt] = await Promise.all([opened, answered]);
    return openedAt - sentAt;
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
    `/password → views.open, ${USERS} concurrent users, ${ROUNDS} rounds each (interleaved, after ${WARMUP_ROUNDS} warm-up rounds)`,
    '',
    `${'app'.padEnd(15)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'mean ms'.padStart(9)} ${'samples'.padStart(8)}`,
    row('bare Bolt app', baseline),
    row('passdesk', passdesk),
    '',
    `ratio passdesk / bare: p50 ${p50Ratio.toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x ` +
      `(p99 within ${TARGET_P99_RATIO}x: ${p99Ratio <= TARGET_P99_RATIO ? 'target met' : 'target missed'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function positiveInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name}: expected a positive integer, got "${value}"`);
  return parsed;
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
