/**
 * The expiry-reminder end-to-end tests' world: a slapd seeded with the expiring cast, passdesk as a
 * deployer runs it (its env: the configuration contract), a fake Slack where the cast's Slack users
 * live, and `npm run reminders` run as its own process with the same environment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { FakeMessage, FakeSlackOptions } from '../harness/fake-slack';
import { DAY_MS, type ExpiringKey, type ExpiringPeople, seedExpiringOnSlapd, slackUsersOf } from '../harness/expiring-people';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { baseEnv } from '../harness/production-install';
import { type SlapdServer, startSlapd } from '../harness/slapd';

const ROOT = resolve(__dirname, '../..');

export interface ReminderWorld {
  harness: PassdeskUnderTest;
  server: SlapdServer;
  people: ExpiringPeople;
  /** The Unix second each person's password expires (as slapd computes it: whole seconds). */
  expirySeconds(key: ExpiringKey): number;
  /** Messages the bot posted to this person's DM. */
  dmsTo(key: ExpiringKey): FakeMessage[];
  stop(): Promise<void>;
}

export async function startReminderWorld(options: { env?: Record<string, string>; slack?: FakeSlackOptions } = {}): Promise<ReminderWorld> {
  const server = await startSlapd();
  try {
    const now = new Date();
    const people = await seedExpiringOnSlapd(server, 'er', now);
    const harness = await startPassdeskUnderTest({
      directory: server,
      env: { REMINDER_DAYS: '10,3,1', REMINDER_EXPIRED_DAYS: '30', ...options.env },
      slack: { ...options.slack, users: { ...slackUsersOf(people), ...options.slack?.users } },
    });
    return {
      harness,
      server,
      people,
      expirySeconds(key) {
        const person = people[key];
        const maxAgeMs = (person.secondPolicy ? 90 : 365) * DAY_MS;
        return Math.floor((now.getTime() + person.expiresInMs! - maxAgeMs) / 1000) + maxAgeMs / 1000;
      },
      dmsTo(key) {
        const id = people[key].slack?.id;
        return harness.slack.messages.filter((message) => message.userId === id && !message.ephemeral);
      },
      async stop() {
        await harness.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliRun>;
  /** Resolves once the process has written something matching to stderr (its log). */
  logged(pattern: RegExp): Promise<void>;
}

/** `npm run reminders` as its own process (through tsx, as `npm run reminders` runs the built file), env only from `env`. */
export function startReminders(env: Record<string, string>, args: string[] = []): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/reminders.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const logged = (pattern: RegExp) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!pattern.test(stderr)) return;
      child.stderr?.off('data', check);
      resolve();
    };
    child.stderr?.on('data', check);
    child.once('close', () => reject(new Error(`the process ended without logging ${pattern}`)));
    check();
  });
  return { child, done: collect(child), logged };
}

export function runReminders(env: Record<string, string>, args: string[] = []): Promise<CliRun> {
  return startReminders(env, args).done;
}

/** `npm run reminders` itself in a production install (the built JavaScript, as `npm start` runs it). */
export function runNpmReminders(installDir: string, env: Record<string, string>, args: string[]): Promise<CliRun> {
  const child = spawn('npm', ['run', '--silent', 'reminders', '--', ...args], {
    cwd: installDir,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}
