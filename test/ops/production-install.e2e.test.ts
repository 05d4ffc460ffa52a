import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { execForm, lastOf, readDockerfile } from '../harness/dockerfile';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';
import { type FakeSocketMode, startFakeSocketMode } from '../harness/fake-socket-mode';
import { type FakeTwilio, startFakeTwilio } from '../harness/fake-twilio';
import { freePort } from '../harness/free-port';
import { SECRET_KEY, SIGNING_SECRET, TWILIO_SID, TWILIO_TOKEN } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type PostgresServer, startPostgres } from '../harness/postgres';
import { expiringPeople, seedExpiringOnSlapd, slackUsersOf } from '../harness/expiring-people';
import { runNpmReminders } from '../e2e/reminder-world';
import {
  baseEnv, isRunning, makeProductionInstall, type PassdeskProcess, startProcess,
} from '../harness/production-install';
import { SlackHttpDriver } from '../harness/slack-driver';
import { maskMail } from '../../src/log/mask';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink';
import { SlackUser, nextSmsCode } from '../e2e/slack-user';

/**
 * passdesk as a supervisor runs it: a production install (`npm ci --omit=dev` and the built
 * JavaScript, no TypeScript), started with `npm start` or the image's `node dist/main.js`, stopped
 * with SIGTERM or SIGINT sent to that one process, against slapd, PostgreSQL and the Slack (HTTP
 * and Socket Mode), Twilio and SMTP fakes.
 */

// Each test starts passdesk as a process, more than once: slow on a loaded machine, never measured.
jest.setTimeout(180_000);

const run = promisify(execFile);
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const root = resolve(__dirname, '../..');
const runtimeStage = readDockerfile(join(root, 'Dockerfile')).at(-1);
const IMAGE_CMD = execForm(lastOf(runtimeStage!, 'CMD')?.args ?? '');
const healthcheckArgs = lastOf(runtimeStage!, 'HEALTHCHECK')?.args ?? '';
const IMAGE_HEALTHCHECK = execForm(healthcheckArgs.slice(healthcheckArgs.indexOf('CMD')));

let install: { dir: string; remove(): void };
let slapd: SlapdServer;
let slack: FakeSlack;
let twilio: FakeTwilio;
let smtp: SmtpSink;
let postgres: PostgresServer;
let socketMode: FakeSocketMode;
const started = new Set<PassdeskProcess>();

beforeAll(async () => {
  [install, slapd, slack, twilio, smtp, postgres] = await Promise.all([
    makeProductionInstall(),
    startSlapd(),
    startFakeSlack(),
    startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }),
    startSmtpSink(),
    startPostgres(),
  ]);
  socketMode = await startFakeSocketMode({ slack });
}, 300_000);

afterEach(() => {
  for (const bot of started) bot.kill();
  started.clear();
});

afterAll(async () => {
  await socketMode?.stop();
  await Promise.all([slapd?.stop(), slack?.stop(), twilio?.stop(), smtp?.stop(), postgres?.stop()]);
  install?.remove();
});

async function botEnv(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(await freePort()),
    ...slapd.env,
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilio.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'passdesk <no-reply@uni.example>',
    PASSDESK_SECRET_KEY: SECRET_KEY,
    DATABASE_URL: `sqlite:${join(install.dir, 'data', 'passdesk.sqlite')}`,
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

/** Starts passdesk (`npm start`, or the image's CMD) and waits until it has started. */
async function startBot(how: 'npm start' | 'image CMD', env: Record<string, string>): Promise<PassdeskProcess> {
  const bot = startProcess(install.dir, how === 'npm start' ? ['npm', 'start'] : IMAGE_CMD, env);
  started.add(bot);
  await bot.waitForLog('passdesk started');
  return bot;
}

async function healthcheck(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(IMAGE_HEALTHCHECK[0], IMAGE_HEALTHCHECK.slice(1), { cwd: install.dir, env: { ...baseEnv(), ...env } });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, output: failed.stdout ?? '' };
  }
}

/** Sends `signal` to the process the supervisor started and checks the whole bot is gone. */
async function stopWith(bot: PassdeskProcess, signal: NodeJS.Signals): Promise<{ code: number | null }> {
  const node = bot.nodePid();
  bot.child.kill(signal);
  const { code } = await bot.exited;
  expect(isRunning(node)).toBe(false);
  return { code };
}

describe('a production install', () => {
  it('has no TypeScript or test tools; two npm start processes on one PostgreSQL database, each healthy by the image HEALTHCHECK, take one /password reset across them, and stop on SIGTERM', async () => {
    expect(existsSync(join(install.dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(install.dir, 'node_modules', 'jest'))).toBe(false);
    expect(existsSync(join(install.dir, 'node_modules', 'prom-client'))).toBe(true);
    const database = await postgres.createDatabase();
    const envs = [await botEnv({ DATABASE_URL: database }), await botEnv({ DATABASE_URL: database })];
    // Started together, as replicas after a deploy: both migrate the new database at once.
    const bots = await Promise.all(envs.map((env) => startBot('npm start', env)));
    for (const env of envs) {
      expect((await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).status).toBe(200);
      expect(await healthcheck(env)).toEqual({ code: 0, output: 'healthy: HTTP 200\n' });
    }

    // As a load balancer would send them: each step to the other replica.
    const people = await seedPeople(slapd, { tag: 'rep' });
    slack.setUser('UREPLICAS', { email: people.staff.mail, locale: 'en-US' });
    const [a, b] = envs.map((env) => new SlackHttpDriver({ url: `http://127.0.0.1:${env.PORT}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack }));
    const via = { slack, driver: a };
    const user = new SlackUser(via, 'UREPLICAS');
    await user.openMenu('reset');
    via.driver = b;
    const smsBefore = twilio.messages.length;
    await user.submit([['Last 3 digits of your registered phone number', JAN_PHONE.slice(-3)], user.challenge()]);
    const code = await nextSmsCode({ twilio }, smsBefore);
    via.driver = a;
    await user.submit([['Code from the SMS', code]]);
    via.driver = b;
    await user.submit([['New password', CHOSEN], ['New password again', CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(await slapd.canBind(people.staff.dn, CHOSEN)).toBe(true);

    for (const bot of bots) {
      expect(await stopWith(bot, 'SIGTERM')).toEqual({ code: 0 });
      expect(bot.logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping', 'passdesk stopped']));
    }
    for (const env of envs) expect((await healthcheck(env)).code).toBe(1);
  });

  it('stops the whole bot on SIGINT to the npm start process', async () => {
    const bot = await startBot('npm start', await botEnv());
    expect(await stopWith(bot, 'SIGINT')).toEqual({ code: 0 });
    expect(bot.logs.find((line) => line.msg === 'stopping')).toMatchObject({ signal: 'SIGINT' });
  });

  it("runs the image's CMD in Socket Mode, healthy by the HEALTHCHECK on HEALTH_PORT, and stops on SIGTERM to node itself", async () => {
    expect(IMAGE_CMD[0]).toBe('node');
    const { SLACK_SIGNING_SECRET: _http, ...http } = await botEnv();
    const env = { ...http, SLACK_APP_TOKEN: socketMode.appToken, HEALTH_PORT: String(await freePort()) };
    const bot = await startBot('image CMD', env);
    await socketMode.waitForConnection();
    expect(bot.logs.find((line) => line.msg === 'passdesk started')).toMatchObject({ mode: 'socket', healthPort: Number(env.HEALTH_PORT) });
    expect(await healthcheck(env)).toEqual({ code: 0, output: 'healthy: HTTP 200\n' });
    expect(bot.nodePid()).toBe(bot.child.pid);
    expect(await stopWith(bot, 'SIGTERM')).toEqual({ code: 0 });
    expect(bot.logs.at(-1)).toMatchObject({ msg: 'passdesk stopped', drained: true });
    expect((await healthcheck(env)).code).toBe(1);
  });

  it('finishes a /password in flight when SIGTERM arrives, then stops', async () => {
    const people = await seedPeople(slapd, { tag: 'sig' });
    slack.setUser('USIGTERM', { email: people.staff.mail, locale: 'en-US' });
    const env = await botEnv();
    const bot = await startBot('npm start', env);
    const driver = new SlackHttpDriver({ url: `http://127.0.0.1:${env.PORT}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack });

    const held = slack.holdNext('views.open');
    const since = slack.calls.length;
    // Straight to the forgot-password journey, whose start looks the person up.
    await driver.slashCommand('USIGTERM', '/password', 'reset');
    await held.arrived;
    const node = bot.nodePid();
    bot.child.kill('SIGTERM');
    await bot.waitForLog('stopping');
    // Stopped taking work: no new request gets in...
    await expect(fetch(`http://127.0.0.1:${env.PORT}/healthz`)).rejects.toThrow();
    // ...but the /password already in flight goes on: the account lookup happens after SIGTERM.
    held.release();
    const update = await slack.waitForCall('views.update', { since, timeoutMs: 10_000 });
    // The identity step, naming the account found (masked): the directory was asked after SIGTERM.
    expect(JSON.stringify(update.args.view)).toContain('Last 3 digits of your registered phone number');
    expect(JSON.stringify(update.args.view)).toContain(maskMail(people.staff.mail));
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(isRunning(node)).toBe(false);
    expect(bot.logs.at(-1)).toMatchObject({ msg: 'passdesk stopped', drained: true });
  });

  it('cuts off work still in flight after SHUTDOWN_TIMEOUT_SECONDS, says so and exits 1', async () => {
    slack.setUser('USTUCK', { email: 'stuck@uni.example', locale: 'en-US' });
    const env = await botEnv({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const bot = await startBot('npm start', env);
    const driver = new SlackHttpDriver({ url: `http://127.0.0.1:${env.PORT}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack });
    const held = slack.holdNext('views.open');
    try {
      await driver.slashCommand('USTUCK', '/password');
      await held.arrived;
      const { code } = await stopWith(bot, 'SIGTERM');
      expect(code).toBe(1);
      expect(bot.logs.find((line) => line.level === 'warn' && line.inFlight === 1)?.msg)
        .toBe('SHUTDOWN_TIMEOUT_SECONDS reached: closing connections with work still in flight');
      // The last line says how it stopped: after closing its connections, or (on a loaded machine,
      // when closing outlasts main.ts's one-second grace) by its own exit timer. stderr beside it,
      // so a failure shows what the process said.
      const last = bot.logs.at(-1);
      expect({ last: last?.msg, stderr: bot.stderr })
        .toMatchObject({ last: expect.stringMatching(/^(passdesk stopped|stopping took too long; exiting now)$/) });
      if (last?.msg === 'passdesk stopped') expect(last.drained).toBe(false);
    } finally {
      held.release();
    }
  });

  it('refuses to start with one plain message when the directory refuses the service account', async () => {
    const bot = startProcess(install.dir, ['npm', 'start'], await botEnv({ LDAP_BIND_PASSWORD: 'sentinel-wrong-password' }));
    started.add(bot);
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    expect(bot.stderr).toContain('passdesk cannot start:\n  - directory: bind refused for LDAP_BIND_DN (wrong DN or LDAP_BIND_PASSWORD)\n');
    expect(bot.stderr).not.toMatch(/\n\s+at /);
    expect(bot.stderr + bot.stdout.join('\n')).not.toContain('sentinel');
  });

  it('prints the audit trail with npm run audit, in local time or as JSON lines', async () => {
    const path = join(install.dir, 'data', 'audit-reader.sqlite');
    const store = SqliteStore.open(path);
    await store.appendAudit({ at: new Date('2026-07-01T10:00:00Z'), actor: 'slack:T0UNI:U0AUDIT', action: 'password-reset.completed',
      subject: 'uid=jkowalski,ou=people,dc=uni,dc=example', result: 'ok', detail: { accounts: 2 } });
    await store.close();
    const env = { ...baseEnv(), DATABASE_URL: `sqlite:${path}`, TZ: 'Europe/Rome' };
    const { stdout: json } = await run('npm', ['run', '--silent', 'audit', '--', '--actor', 'U0AUDIT', '--json'], { cwd: install.dir, env });
    expect(JSON.parse(json)).toMatchObject({ at: '2026-07-01T10:00:00.000Z', action: 'password-reset.completed' });
    const { stdout: table } = await run('npm', ['run', '--silent', 'audit', '--', '--account', 'jkowalski'], { cwd: install.dir, env });
    expect(table.split('\n')[1]).toMatch(/^2026-07-01 12:00:00 \+02:00\s+slack:T0UNI:U0AUDIT\s+password-reset\.completed\s+ok\s+uid=jkowalski,/);
  });

  it('names an older Node.js plainly, for the bot and the audit reader, before anything that needs a newer one fails', async () => {
    // As on Node 20 (the host's own node, once --omit=dev has dropped the project's Node 24): an older version, no node:sqlite.
    const asNode20 = join(install.dir, 'as-node-20.js');
    writeFileSync(asNode20, `Object.defineProperty(process.versions, 'node', { value: '20.20.2' });
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'node:sqlite') throw Object.assign(new Error('No such built-in module: node:sqlite'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
  return load.call(this, request, ...rest);
};
`);
    for (const entry of ['dist/main.js', 'dist/cli/audit.js']) {
      const bot = startProcess(install.dir, ['node', '--require', asNode20, entry], await botEnv());
      started.add(bot);
      expect(await bot.exited).toEqual({ code: 1, signal: null });
      expect(bot.stderr).toBe('passdesk needs Node.js 22.13 or later (24 recommended); this is Node.js 20.20.2. ' +
        'A production install (npm ci --omit=dev) runs on the host\'s own node: install Node.js 24 there, or run the container image.\n');
    }
  });

  it('runs npm run reminders from the built output: -- --dry-run prints who would be reminded and sends nothing, then one sweep sends', async () => {
    for (const [userId, user] of Object.entries(slackUsersOf(expiringPeople('pirem')))) slack.setUser(userId, user);
    await seedExpiringOnSlapd(slapd, 'pirem');
    const env = await botEnv({ REMINDER_DAYS: '10,3,1', DATABASE_URL: `sqlite:${join(install.dir, 'data', 'reminders.sqlite')}` });
    const since = slack.calls.length;

    const dry = await runNpmReminders(install.dir, env, ['--dry-run']);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout.split('\n')[0]).toMatch(/^person\s+account\s+expires\s+window\s+channel\s+to$/);
    expect(dry.stdout).toContain('7 reminder(s) would be sent');
    expect(slack.calls.slice(since).filter((call) => call.method === 'chat.postMessage')).toEqual([]);

    const sweep = await runNpmReminders(install.dir, env, []);
    expect(sweep).toMatchObject({ code: 0 });
    expect(sweep.stdout).toContain('sent by DM 5, by mail 1, failed 0');
  });

  it('says to build first when npm start finds no built output', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'passdesk-unbuilt-'));
    try {
      copyFileSync(join(root, 'package.json'), join(bare, 'package.json'));
      writeFileSync(join(bare, '.env'), '');
      const bot = startProcess(bare, ['npm', 'start'], {});
      started.add(bot);
      expect((await bot.exited).code).toBe(1);
      expect(bot.stderr).toContain('passdesk is not built yet: run npm run build (after npm ci)');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
