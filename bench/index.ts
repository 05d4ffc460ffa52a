/**
 * `npm run bench`, six measurements, each against a baseline measured in the same run:
 * 1. latency from a signed `/password reset` to the `views.open` it causes, for 50 concurrent
 *    users, for passdesk and for a bare Bolt app (concurrent-commands.ts);
 * 2. the policy check of random 12-, 64- and 128-character passwords, as shipped and with
 *    zxcvbn run on every password as before (policy-check.ts);
 * 3. one user's `/password reset` latency while other people submit 128-character passwords to
 *    their own new-password step in a loop, and without them (ack-under-load.ts);
 * replicas: part 1's measurement, for `/password reset` and for `/password` (the menu), with two
 *    passdesk processes on one throwaway PostgreSQL database, requests spread over both, against
 *    one passdesk process on SQLite (replicas.ts);
 * store: the store's limit-consume latency, 20 at once, on SQLite and on that PostgreSQL through
 *    two pools, as two replicas (store-consume.ts);
 * reminders: the expiry-reminder sweep's directory pass against `ldapsearch` with the same filter
 *    and page size, at 10 000 and 100 000 accounts, with peak RSS (reminder-sweep/).
 * Rounds are interleaved in ABBA order after warm-up rounds. A measurement, not a test: it
 * exits 0 unless it breaks (a request not answered 200, a views.open or views.update that never
 * comes, a Slack call that fails, passdesk not reaching the screen it should).
 *
 * BENCH_ROUNDS (default 20) and BENCH_WARMUP (default 5) set the rounds of parts 1 and store
 * (parts 2 and 3 take a half and a fifth of them, after one warm-up round; replicas a half, for
 * each command, after BENCH_WARMUP); BENCH_SUBMITTERS (default 4) the people submitting in part
 * 3; BENCH_PARTS (e.g. `2,3` or `replicas,store` or `reminders`; default all) which parts run;
 * BENCH_VERBOSE=1 prints each round with its longest event-loop stall. The reminders part has its
 * own settings (BENCH_SWEEP_*, see reminder-sweep/sweep-vs-ldapsearch.ts).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log/logger';
import { startPassdesk } from '../src/passdesk';
import { createOwnedTempDir } from '../test/harness/owned-temp-dir';
import { JAN_PHONE, seedPeople } from '../test/harness/people';
import { type PostgresServer, startPostgres } from '../test/harness/postgres';
import { startSlapd } from '../test/harness/slapd';
import { startSmtpSink } from '../test/harness/smtp-sink';
import { benchAckUnderLoad } from './ack-under-load';
import { positiveInt } from './bench-env';
import { startBareApp } from './bare-app';
import { benchConcurrentCommands, MENU_COMMAND, RESET_COMMAND, type Target } from './concurrent-commands';
import { benchPolicyCheck, MIXED_ALPHABET } from './policy-check';
import { benchReminderSweep } from './reminder-sweep/sweep-vs-ldapsearch';
import { benchReplicas } from './replicas';
import { reportCommands, reportLoad, reportPolicy, reportReplicas, reportStore } from './report';
import { type FromSlackThread, startSlackThread, TWILIO_CREDENTIALS } from './slack-thread';
import { SlackThread } from './slack-thread-client';
import { benchStoreConsume } from './store-consume';

const USERS = 50;
/** Measured rounds of part 1 (`BENCH_ROUNDS`), after `BENCH_WARMUP` discarded ones (JIT, first connections). */
const ROUNDS = positiveInt('BENCH_ROUNDS', 20);
const WARMUP_ROUNDS = positiveInt('BENCH_WARMUP', 5);
const SUBMITTERS = positiveInt('BENCH_SUBMITTERS', 4);
const PROBES_PER_PHASE = 20;
const SUBMITTED_LENGTH = 128;
const SIGNING_SECRET = 'bench-signing-secret';
/** `BENCH_VERBOSE=1`: also print each round's figures, to see where a tail comes from. */
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const ALL_PARTS = ['1', '2', '3', 'replicas', 'store', 'reminders'];
const PARTS = selectedParts();
/** Parts 2 and 3 discard one warm-up round. */
const LATER_PARTS = { verbose: VERBOSE, warmupRounds: 1 };
const PART_1 = { verbose: VERBOSE, rounds: ROUNDS, warmupRounds: WARMUP_ROUNDS };
/** Two commands, two targets of three processes: half part 1's rounds keep it about as long. */
const REPLICA_ROUNDS = { verbose: VERBOSE, rounds: Math.max(2, Math.round(ROUNDS / 2)), warmupRounds: WARMUP_ROUNDS };

/** Everything started is stopped, newest first, even when a later step fails. */
class Started {
  private readonly stops: Array<() => Promise<void>> = [];

  add<T extends { stop(): Promise<void> }>(thing: T): T {
    this.stops.push(() => thing.stop());
    return thing;
  }

  async stopAll(): Promise<void> {
    for (const stop of this.stops.reverse()) {
      await stop().catch((error: unknown) => {
        process.stderr.write(`bench: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      });
    }
  }
}

/** Each part's table is printed as soon as it is measured, a blank line between them. */
let printed = 0;
function print(section: string[]): void {
  process.stdout.write(`${printed++ > 0 ? '\n' : ''}${section.join('\n')}\n`);
}

async function main(): Promise<void> {
  // In-process and CPU-bound: measured before anything else is started.
  if (PARTS.has('2')) print(reportPolicy(benchPolicyCheck({ ...LATER_PARTS, rounds: Math.max(2, Math.round(ROUNDS / 2)) })));
  const started = new Started();
  try {
    const dataDir = started.add(ownedDir('passdesk-bench-')).path;
    const postgres = PARTS.has('replicas') || PARTS.has('store') ? started.add(await startPostgres()) : undefined;
    if (postgres && PARTS.has('store')) {
      const options = { ...PART_1, dir: dataDir, postgresUrl: await postgres.createDatabase() };
      print(reportStore(await benchStoreConsume(options), options));
    }
    if (PARTS.has('1') || PARTS.has('3') || PARTS.has('replicas')) await benchSlack(started, dataDir, postgres);
    // Last, with its own slapd: it loads directories of 100 000 entries.
    if (PARTS.has('reminders')) print(await benchReminderSweep());
  } finally {
    await started.stopAll();
  }
}

/** Parts 1, 3 and replicas: slapd, SMTP and the Slack thread, shared; passdesk and the bare app or the replicas for each. */
async function benchSlack(started: Started, dataDir: string, postgres: PostgresServer | undefined): Promise<void> {
  const slapd = started.add(await startSlapd());
  const smtp = started.add(await startSmtpSink());

  // One directory person per user, so each /password really finds an account with a phone.
  const slackUsers: Record<string, { email: string }> = {};
  const seed = async (userId: string, tag: string) => {
    slackUsers[userId] = { email: (await seedPeople(slapd, { tag })).staff.mail };
    return userId;
  };
  const userIds: string[] = [];
  for (let i = 0; i < USERS; i += 1) userIds.push(await seed(`UBENCH${i}`, `b${i}`));
  const submitterIds: string[] = [];
  if (PARTS.has('3')) for (let i = 0; i < SUBMITTERS; i += 1) submitterIds.push(await seed(`USUBMIT${i}`, `s${i}`));

  const worker = startSlackThread(slackUsers);
  const [ready] = (await once(worker, 'message')) as [Extract<FromSlackThread, { kind: 'ready' }>];
  const slack = started.add(new SlackThread(worker));

  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: ready.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: ready.apiUrl,
    PORT: '0',
    ...slapd.env,
    TWILIO_ACCOUNT_SID: TWILIO_CREDENTIALS.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO_CREDENTIALS.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: ready.twilioUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'bench@uni.example',
    DATABASE_URL: `sqlite:${join(dataDir, 'passdesk.sqlite')}`,
    PASSDESK_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    // Every user starts a flow each round and submitters submit without end: nobody may be rate-limited mid-bench.
    LIMIT_FLOWS_PER_DAY: '1000000',
    LIMIT_FLOWS_PER_TEAM_PER_HOUR: '1000000',
    LIMIT_SMS_PER_HOUR: '1000000',
    LIMIT_WRONG_ANSWERS_PER_HOUR: '1000000',
  };

  if (PARTS.has('1') || PARTS.has('3')) {
    // Stopped before the replicas start: nothing of these parts runs beside them.
    const inProcess = new Started();
    try {
      await benchInProcess(inProcess, slack, env, userIds, submitterIds, ready.teamId);
    } finally {
      await inProcess.stopAll();
    }
  }
  if (postgres && PARTS.has('replicas')) {
    const figures = await benchReplicas({
      slack, env, postgres, dataDir, userIds, teamId: ready.teamId, commands: [RESET_COMMAND, MENU_COMMAND], ...REPLICA_ROUNDS,
    });
    print(reportReplicas(figures, { ...REPLICA_ROUNDS, users: USERS }));
  }
}

/** Parts 1 and 3: passdesk and the bare Bolt app in this process, as before replicas. */
async function benchInProcess(
  started: Started, slack: SlackThread, env: Record<string, string>, userIds: string[], submitterIds: string[], teamId: string,
): Promise<void> {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const config = loadConfig(env);
  const passdesk = started.add(await startPassdesk(config, { logDestination: discard }));
  const bare = started.add(await startBareApp(config.slack, createLogger('warn', discard)));
  const passdeskTarget: Target = { name: 'passdesk', ports: [passdesk.port ?? 0], signingSecret: SIGNING_SECRET, updatesPerCommand: 1 };
  const bareTarget: Target = { name: 'bare Bolt app', ports: [bare.port], signingSecret: SIGNING_SECRET, updatesPerCommand: 0 };
  if (PARTS.has('1')) {
    const commands = await benchConcurrentCommands(slack, [bareTarget, passdeskTarget], userIds, teamId, { ...PART_1, command: RESET_COMMAND });
    print(reportCommands(commands, { ...PART_1, users: USERS }));
  }
  if (PARTS.has('3')) {
    await slack.prepareSubmitters({
      url: `http://127.0.0.1:${passdeskTarget.ports[0]}/slack/events`,
      signingSecret: SIGNING_SECRET,
      userIds: submitterIds,
      phoneDigits: JAN_PHONE.slice(-3),
      // Every seeded person is a Kowalski: the policy refuses the password (after checking all of it) and the step stays.
      password: { length: SUBMITTED_LENGTH, alphabet: MIXED_ALPHABET, refusedWord: 'Kowalski' },
    });
    const load = await benchAckUnderLoad(slack, passdeskTarget, userIds, teamId,
      { ...LATER_PARTS, rounds: Math.max(2, Math.round(ROUNDS / 5)), probesPerPhase: PROBES_PER_PHASE });
    print(reportLoad(load, { submitters: SUBMITTERS, length: SUBMITTED_LENGTH }));
  }
}

function ownedDir(prefix: string): { path: string; stop(): Promise<void> } {
  const path = createOwnedTempDir(prefix);
  return { path, stop: async () => rmSync(path, { recursive: true, force: true }) };
}

function selectedParts(): Set<string> {
  const parts = (process.env.BENCH_PARTS || ALL_PARTS.join(',')).split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !ALL_PARTS.includes(part));
  if (unknown.length > 0) {
    process.stderr.write(`BENCH_PARTS: no part "${unknown.join('", "')}" (the parts: ${ALL_PARTS.join(', ')})\n`);
    process.exit(1);
  }
  return new Set(parts);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
