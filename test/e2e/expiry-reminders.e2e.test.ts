/**
 * `npm run reminders` end to end on slapd: who is told, how, and only once, whatever runs at the
 * same time or stops halfway. The cast (test/harness/expiring-people.ts) with REMINDER_DAYS=10,3,1.
 */
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sqlitePathOf } from '../../src/store/open-store';
import { REMINDED, type ExpiringKey } from '../harness/expiring-people';
import { visibleText } from '../harness/slack-driver';
import { type ReminderWorld, runReminders, startReminderWorld, startReminders } from './reminder-world';

let world: ReminderWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const IN_SLACK: ExpiringKey[] = ['janStaff', 'anna', 'piotr', 'giulia', 'marco'];

async function auditOf(w: ReminderWorld) {
  const store = SqliteStore.open(sqlitePathOf(w.harness.env.DATABASE_URL));
  try {
    return await store.listAudit({ limit: 1000 });
  } finally {
    await store.close();
  }
}

function expectEachRemindedOnce(w: ReminderWorld): void {
  for (const key of IN_SLACK) expect({ key, dms: w.dmsTo(key).length }).toEqual({ key, dms: 1 });
  expect(w.harness.slack.messages.filter((message) => !message.ephemeral)).toHaveLength(IN_SLACK.length);
  expect(w.harness.smtp.messages.map((mail) => mail.to)).toEqual([[w.people.ewa.spec.mail]]);
}

describe('npm run reminders', () => {
  it('tells exactly the due people once: a DM in their language with the dates, one message for linked accounts, a mail for the one not in Slack', async () => {
    world = await startReminderWorld();
    const { people } = world;

    const run = await runReminders(world.harness.env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('scanned 7, due 7, sent by DM 5, by mail 1, failed 0');
    expectEachRemindedOnce(world);

    const [jan] = world.dmsTo('janStaff');
    const janText = visibleText(jan);
    expect(janText).toContain('Twoje hasła uczelniane wkrótce wygasną');
    expect(janText).toContain(`*${people.janStaff.spec.username}*: wygasa <!date^${world.expirySeconds('janStaff')}^{date_long} {time}|`);
    expect(janText).toContain(`*${people.janStudent.spec.username}*: wygasa <!date^${world.expirySeconds('janStudent')}^`);
    expect(janText).toContain('Zmień teraz');
    // Italian: "scade il 3 dicembre", "scade l'8 dicembre".
    expect(visibleText(world.dmsTo('anna')[0])).toMatch(new RegExp(`\\*${people.anna.spec.username}\\*: scade (il |l')<!date\\^${world.expirySeconds('anna')}\\^`));
    expect(visibleText(world.dmsTo('piotr')[0])).toContain(`*${people.piotr.spec.username}*: expires on <!date^${world.expirySeconds('piotr')}^`);
    expect(visibleText(world.dmsTo('giulia')[0])).toContain(`<!date^${world.expirySeconds('giulia')}^`);
    const marco = visibleText(world.dmsTo('marco')[0]);
    expect(marco).toContain('La tua password di Ateneo è scaduta');
    expect(marco).toContain('/password reset');
    expect(marco).toContain('Reimposta la password');
    expect(marco).not.toContain('Cambia ora'); // the old password no longer works: the forgot-password journey
    expect(marco).not.toContain('Ricordamelo più tardi'); // nothing later is possible once expired

    const [mail] = world.harness.smtp.messages;
    expect(mail.subject).toBe('Your university password will expire soon');
    expect(mail.text).toContain(`${people.ewa.spec.username}: expires on`);
    expect(mail.text).toContain('type /password change');
    expect(mail.text).toContain('the IT help desk (#it-help)');

    const sent = (await auditOf(world)).filter((event) => event.action === 'expiry-reminder.sent');
    expect(sent.map((event) => [event.subject, event.detail?.channel, event.detail?.window]).sort()).toEqual([
      [people.anna.dn, 'slack', '3d'],
      [people.ewa.dn, 'mail', '3d'],
      [people.giulia.dn, 'slack', '10d'],
      [people.janStaff.dn, 'slack', '10d'],
      [people.janStudent.dn, 'slack', '10d'],
      [people.marco.dn, 'slack', 'expired'],
      [people.piotr.dn, 'slack', '1d'],
    ].sort());
    expect(run.stderr).toContain('expiry reminder sweep finished');

    const again = await runReminders(world.harness.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sent by DM 0, by mail 0, failed 0');
    expectEachRemindedOnce(world);
  });

  it('two sweeps at the same moment send nothing twice, and both finish normally', async () => {
    world = await startReminderWorld();
    // The first DM of either sweep waits until the other sweep has finished: the two surely overlap.
    const held = world.harness.slack.holdNext('chat.postMessage');

    const sweeps = [startReminders(world.harness.env), startReminders(world.harness.env)];
    await held.arrived;
    const firstDone = await Promise.race(sweeps.map((sweep) => sweep.done));
    held.release();
    const results = await Promise.all(sweeps.map((sweep) => sweep.done));

    expect(firstDone.code).toBe(0);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expectEachRemindedOnce(world);
    const sent = (await auditOf(world)).filter((event) => event.action === 'expiry-reminder.sent');
    expect(sent).toHaveLength(REMINDED.length);
  });

  it('a sweep stopped halfway (SIGTERM) loses nothing and repeats nothing: the next sweep sends the rest', async () => {
    world = await startReminderWorld();
    const held = world.harness.slack.holdNext('chat.postMessage');

    const stopped = startReminders(world.harness.env);
    await held.arrived; // the first DM is on its way
    stopped.child.kill('SIGTERM');
    await stopped.logged(/stopping: the reminder being sent is finished/);
    held.release();
    const interrupted = await stopped.done;

    expect(interrupted.code).toBe(1);
    expect(interrupted.stdout).toContain('(not finished)');
    const afterStop = world.harness.slack.messages.length;
    expect(afterStop).toBe(1);

    const rest = await runReminders(world.harness.env);
    expect(rest.code).toBe(0);
    expectEachRemindedOnce(world);
  });

  it('a 429 with Retry-After delays a DM and still delivers it; lookups over the rate limit wait and go on', async () => {
    world = await startReminderWorld({ slack: { rateLimits: { 'users.lookupByEmail': { max: 4, perMs: 1_000 } } } });
    world.harness.slack.failNext('chat.postMessage', { httpStatus: 429, retryAfterSeconds: 1 });

    const run = await runReminders(world.harness.env);

    expect(run.code).toBe(0);
    expectEachRemindedOnce(world);
    const posts = world.harness.slack.calls.filter((call) => call.method === 'chat.postMessage');
    const [limited, ...delivered] = posts;
    expect(limited.failure).toBe('HTTP 429');
    const retried = delivered.find((call) => call.args.channel === limited.args.channel)!;
    expect(retried.failure).toBeUndefined();
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1000);
    expect(world.harness.slack.calls.some((call) => call.method === 'users.lookupByEmail' && call.failure === 'HTTP 429')).toBe(true);
  });

  // Through npm from a production install: test/ops/production-install.e2e.test.ts.
  it('--dry-run prints who would be reminded, of which account, when and how, and sends nothing', async () => {
    world = await startReminderWorld({ env: { REMINDER_TZ: 'Europe/Rome' } });
    const { people } = world;

    const dry = await runReminders(world.harness.env, ['--dry-run']);

    expect(dry.code).toBe(0);
    const rows = dry.stdout.split('\n');
    expect(rows[0]).toMatch(/^person\s+account\s+expires\s+window\s+channel\s+to$/);
    const row = (key: ExpiringKey) => rows.find((line) => line.includes(` ${people[key].spec.username} `)) ?? '';
    expect(row('janStaff')).toMatch(/Jan Kowalski\s+erjkow\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} CET\s+10d\s+slack\s+U0JAN/);
    expect(row('janStudent')).toMatch(/\s10d\s+slack\s+U0JAN/);
    expect(row('piotr')).toMatch(/\s1d\s+slack\s+U0PIOTR/);
    expect(row('marco')).toMatch(/\sexpired\s+slack\s+U0MARCO/);
    expect(row('ewa')).toMatch(new RegExp(`\\s3d\\s+mail\\s+${people.ewa.spec.mail.replace(/\./g, '\\.')}`));
    expect(dry.stdout).toContain('7 reminder(s) would be sent');
    expect(world.harness.slack.calls.filter((call) => call.method === 'chat.postMessage')).toEqual([]);
    expect(world.harness.smtp.messages).toEqual([]);

    // Nothing was claimed: a real sweep afterwards sends everything.
    expect((await runReminders(world.harness.env)).code).toBe(0);
    expectEachRemindedOnce(world);
  });
});
