import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryLine } from '../cli/reminders-output';
import { createMemoryDirectory } from '../directory/memory/memory-directory';
import { createLogger } from '../log/logger';
import { startPassdesk } from '../passdesk';
import { CapturedOutbox } from './captured-outbox';
import { DEMO_BASE_DN, DEMO_HELPDESK_CHANNEL, DEMO_SERVICE_BASE_DN, demoConfig } from './demo-config';
import { DEMO_LOCKOUT, DEMO_MAX_AGE_DAYS, demoPeople, type DemoPerson } from './demo-people';
import { closeServer } from './slack-api/loopback-http';
import { startFakeSlack } from './slack-api/fake-slack';
import { readManifestEntries } from './simulator/manifest-entries';
import { createSimulatorServer } from './simulator/simulator-server';
import { SlackSimulator } from './simulator/slack-simulator';
import { tryLogin } from './try-login';

export interface DemoOptions {
  /** The simulator page's port on 127.0.0.1 (0: any free port). */
  port: number;
  /** passdesk's log level; its logs go to stderr. */
  logLevel?: string;
}

export interface RunningDemo {
  url: string;
  botUrl: string;
  signingSecret: string;
  people: DemoPerson[];
  stop(): Promise<void>;
}

/**
 * The whole demo in one process: the fake Slack Web API, passdesk in HTTP mode (signing on) with
 * an in-memory directory and captured SMS and mail, and the simulator page. Everything on 127.0.0.1.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const people = demoPeople(new Date());
  const slack = await startFakeSlack({ users: Object.fromEntries(people.map((person) => [person.slackId, person.slack])) });
  const dataDir = mkdtempSync(join(tmpdir(), 'passdesk-demo-'));
  const directory = createMemoryDirectory({
    people: people.flatMap((person) => person.accounts),
    baseDn: DEMO_BASE_DN,
    serviceAccounts: people.flatMap((person) => person.serviceAccounts ?? []),
    serviceBaseDn: DEMO_SERVICE_BASE_DN,
    policy: { maxAgeDays: DEMO_MAX_AGE_DAYS, lockoutThreshold: DEMO_LOCKOUT.threshold, lockoutMinutes: DEMO_LOCKOUT.minutes },
  });
  const outbox = new CapturedOutbox();
  const operators = people.filter((person) => person.role === 'help desk').map((person) => person.slackId);
  const signingSecret = randomBytes(32).toString('hex');
  const config = demoConfig({
    botToken: slack.botToken,
    signingSecret,
    slackApiUrl: slack.apiUrl,
    dataDir,
    helpdeskUserIds: operators,
    logLevel: options.logLevel ?? 'warn',
  });
  const logger = createLogger(config.logLevel, process.stderr);
  const passdesk = await startPassdesk(config, {
    logger,
    adapters: { directory, sms: outbox.smsSender, mailer: outbox.mailer },
  });
  const botUrl = `http://127.0.0.1:${passdesk.port}/slack/events`;

  let simulator: SlackSimulator | undefined;
  const server = createSimulatorServer({
    get simulator() {
      if (!simulator) throw new Error('the simulator is not ready');
      return simulator;
    },
    people: () => people.map((person) => ({
      id: person.slackId, name: person.name, role: person.role, note: person.note, phone: person.phone, locale: person.slack.locale,
    })),
    // The help desk's private channel: only its members see it, as in Slack.
    helpdeskChannel: (user) => (operators.includes(user)
      ? { name: DEMO_HELPDESK_CHANNEL.name, messages: slack.messages.filter((message) => message.channel === DEMO_HELPDESK_CHANNEL.id) }
      : undefined),
    captured: () => ({ sms: outbox.sms, mail: outbox.mail }),
    tryLogin: async (username, password) => tryLogin(directory.accounts, username, password),
    runReminderSweep: async () => summaryLine(await passdesk.runReminderSweep()).trim(),
  });
  const port = await listen(server, options.port);
  const url = `http://127.0.0.1:${port}/`;
  const manifest = readManifestEntries();
  simulator = new SlackSimulator(slack, {
    botUrl, signingSecret, simulatorOrigin: `http://127.0.0.1:${port}`, commands: manifest.commands, shortcuts: manifest.shortcuts,
  });

  return {
    url,
    botUrl,
    signingSecret,
    people,
    async stop() {
      await closeServer(server);
      await passdesk.stop();
      await slack.stop();
      await directory.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('the simulator has no TCP address'));
    });
  });
}
