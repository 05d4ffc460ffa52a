/**
 * SIGTERM to the bot (src/main.ts as `npm start` runs it) while its scheduled sweep runs: the sweep
 * is work in flight, so the stop lets it finish within SHUTDOWN_TIMEOUT_SECONDS; one that cannot
 * (waiting out Slack's Retry-After) is cut short before the bound and gives its claims back, so the
 * next sweep sends the rest and nobody hears twice.
 */
import { type RunningProcess, startProcess } from '../harness/passdesk-process';
import { type ReminderWorld, runReminders, startReminderWorld } from './reminder-world';
import type { ExpiringKey } from '../harness/expiring-people';

const IN_SLACK: ExpiringKey[] = ['janStaff', 'anna', 'piotr', 'giulia', 'marco'];
const EVERY_SECOND = { REMINDERS_ENABLED: 'true', REMINDER_CRON: '* * * * * *' };

let world: ReminderWorld | undefined;
let bot: RunningProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  bot = undefined;
  await world?.stop();
  world = undefined;
});

interface LogLine {
  msg?: string;
  sweep?: { sentByDm: number; deferred: number; finished: boolean };
  drained?: boolean;
}

function logLines(running: RunningProcess): LogLine[] {
  return running.output.flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** Polls until `done` holds; the test's own timeout is the limit. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
}

function expectEachRemindedOnce(w: ReminderWorld): void {
  for (const key of IN_SLACK) expect({ key, dms: w.dmsTo(key).length }).toEqual({ key, dms: 1 });
  expect(w.harness.smtp.messages.map((mail) => mail.to)).toEqual([[w.people.ewa.spec.mail]]);
}

describe('stopping the bot during a scheduled sweep', () => {
  it('SIGTERM lets the running sweep finish within SHUTDOWN_TIMEOUT_SECONDS, then the bot stops cleanly', async () => {
    world = await startReminderWorld();
    const held = world.harness.slack.holdNext('chat.postMessage');
    bot = await startProcess({ ...world.harness.env, ...EVERY_SECOND, SHUTDOWN_TIMEOUT_SECONDS: '60' });

    await held.arrived; // the sweep is sending its first DM
    bot.child.kill('SIGTERM');
    const running = bot;
    await until(() => logLines(running).some((line) => line.msg === 'stopping'));
    held.release();

    expect(await bot.exited).toBe(0);
    // Everything due went out, after SIGTERM: the sweep was let finish.
    expectEachRemindedOnce(world);
    const lines = logLines(bot);
    const stopping = lines.findIndex((line) => line.msg === 'stopping');
    const swept = lines.findIndex((line) => line.msg === 'expiry reminder sweep finished');
    const stopped = lines.findIndex((line) => line.msg === 'passdesk stopped');
    expect(stopping).toBeLessThan(swept);
    expect(swept).toBeLessThan(stopped);
    expect(lines[swept].sweep).toMatchObject({ sentByDm: IN_SLACK.length, deferred: 0, finished: true });
    expect(lines[stopped].drained).toBe(true);
  });

  it('a sweep still waiting for Slack when the bound comes is cut short and gives its claims back: the next sweep sends the rest, nothing twice', async () => {
    world = await startReminderWorld();
    // Slack asks for two minutes' pause after the first DM: the sweep waits, holding what it is about to send.
    world.harness.slack.failNext('chat.postMessage', { httpStatus: 429, retryAfterSeconds: 120 });
    bot = await startProcess({ ...world.harness.env, ...EVERY_SECOND, SHUTDOWN_TIMEOUT_SECONDS: '4' });
    const slack = world.harness.slack;
    await until(() => slack.calls.some((call) => call.method === 'chat.postMessage' && call.failure === 'HTTP 429'));

    bot.child.kill('SIGTERM');

    expect(await bot.exited).toBe(0);
    const lines = logLines(bot);
    const swept = lines.findIndex((line) => line.msg === 'expiry reminder sweep finished');
    const stopped = lines.findIndex((line) => line.msg === 'passdesk stopped');
    expect(swept).toBeGreaterThanOrEqual(0);
    expect(swept).toBeLessThan(stopped);
    expect(lines[swept].sweep).toMatchObject({ sentByDm: 0, finished: false });
    expect(lines[swept].sweep?.deferred).toBeGreaterThan(0);
    expect(lines[stopped].drained).toBe(true);
    expect(world.harness.slack.messages.filter((message) => !message.ephemeral)).toHaveLength(0);

    // Nothing is left claimed: a sweep right away (no lease to wait out) sends every DM, once.
    const rest = await runReminders(world.harness.env);
    expect(rest.code).toBe(0);
    expectEachRemindedOnce(world);
  });
});
