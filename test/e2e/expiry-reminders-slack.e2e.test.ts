/**
 * The expiry reminders inside the bot, through the real Bolt app: the schedule, the reminder's
 * buttons, `/password status`, and a sweep that died holding a claim. The schedule runs every
 * second here (REMINDER_CRON with seconds) against the harness's clock, which tests move forward.
 */
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sqlitePathOf } from '../../src/store/open-store';
import { DAY_MS, type ExpiringKey } from '../harness/expiring-people';
import type { FakeMessage } from '../harness/fake-slack';
import { buttonByText, visibleText } from '../harness/slack-driver';
import { type ReminderWorld, startReminderWorld } from './reminder-world';

const EVERY_SECOND = { REMINDERS_ENABLED: 'true', REMINDER_CRON: '* * * * * *' };

let world: ReminderWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const sweepsDone = (w: ReminderWorld) => w.harness.logs.filter((line) => line.includes('"expiry reminder sweep finished"')).length;

/** Waits until `count` more scheduled sweeps have finished. */
async function nextSweeps(w: ReminderWorld, count = 1): Promise<void> {
  const target = sweepsDone(w) + count;
  const deadline = Date.now() + 20_000;
  while (sweepsDone(w) < target) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} sweeps finished in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function firstDm(w: ReminderWorld, key: ExpiringKey): Promise<FakeMessage> {
  return w.harness.slack.waitForMessage((message) => message.userId === w.people[key].slack?.id && !message.ephemeral, 20_000);
}

function click(w: ReminderWorld, key: ExpiringKey, message: FakeMessage, button: string, userId = w.people[key].slack!.id) {
  return w.harness.driver.clickButton(userId, {
    ...buttonByText(message, button),
    message: { channel: message.channel, ts: message.ts, text: message.text, blocks: message.blocks },
  });
}

async function auditActions(w: ReminderWorld, action: string) {
  const store = SqliteStore.open(sqlitePathOf(w.harness.env.DATABASE_URL));
  try {
    return await store.listAudit({ action });
  } finally {
    await store.close();
  }
}

describe('expiry reminders in the bot', () => {
  it('sweeps on REMINDER_CRON and never twice for the same window', async () => {
    world = await startReminderWorld({ env: EVERY_SECOND });

    await firstDm(world, 'marco');
    await nextSweeps(world, 2);

    for (const key of ['janStaff', 'anna', 'piotr', 'giulia', 'marco'] as ExpiringKey[]) expect(world.dmsTo(key)).toHaveLength(1);
    expect(world.harness.smtp.messages).toHaveLength(1);
  });

  it('REMINDERS_ENABLED=false turns the schedule off', async () => {
    world = await startReminderWorld({ env: { ...EVERY_SECOND, REMINDERS_ENABLED: 'false' } });
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    expect(world.harness.logs.some((line) => line.includes('expiry reminders scheduled'))).toBe(false);
    expect(world.harness.slack.calls.filter((call) => call.method === 'users.lookupByEmail')).toEqual([]);
  });

  it('"Change now" in the reminder opens the menu\'s change-password entry; "Reset my password" in an expired one the forgot-password entry', async () => {
    world = await startReminderWorld({ env: EVERY_SECOND });
    const reminder = await firstDm(world, 'janStaff');
    const since = world.harness.slack.calls.length;

    await click(world, 'janStaff', reminder, 'Zmień teraz');

    await world.harness.slack.waitForCall('views.open', { since });
    await world.harness.slack.waitForCall('views.update', { since });
    expect(world.harness.slack.lastView('U0JAN')?.callback_id).toBe('change-password.form');

    const expired = await firstDm(world, 'marco');
    expect(buttonLabels(expired)).toEqual(['Reimposta la password']);
    const resetSince = world.harness.slack.calls.length;
    await click(world, 'marco', expired, 'Reimposta la password');
    await world.harness.slack.waitForCall('views.open', { since: resetSince });
    await world.harness.slack.waitForCall('views.update', { since: resetSince });
    expect(world.harness.slack.lastView('U0MARCO')?.callback_id).toBe('password-reset.identity');
  });

  it('"Remind me later" before the last window: nothing until the next one, and the reminder says when', async () => {
    world = await startReminderWorld({ env: EVERY_SECOND });
    const reminder = await firstDm(world, 'janStaff');
    const since = world.harness.slack.calls.length;

    await click(world, 'janStaff', reminder, 'Przypomnij mi później');

    await world.harness.slack.waitForCall('chat.update', { since });
    const updated = visibleText(world.dmsTo('janStaff')[0]);
    const threeDaysBefore = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' })
      .format(new Date(world.expirySeconds('janStudent') * 1000 - 3 * DAY_MS));
    expect(updated).toContain(`Przypomnę ponownie ${threeDaysBefore}.`);
    expect(updated).not.toContain('Przypomnij mi później');
    expect(updated).toContain('Zmień teraz');
    expect(await auditActions(world, 'expiry-reminder.snoozed')).toHaveLength(2);
  });

  it('"Remind me later" after the last window reminds once more the day before the expiry; nobody else can snooze it', async () => {
    world = await startReminderWorld({ env: { ...EVERY_SECOND, REMINDER_DAYS: '10' } });
    const reminder = await firstDm(world, 'anna');

    const forged = world.harness.slack.calls.length;
    await click(world, 'anna', reminder, 'Ricordamelo più tardi', 'U0JAN');
    const refusal = await world.harness.slack.waitForCall('response_url', { since: forged });
    expect(refusal.args.text).toMatch(/no longer valid/);

    const since = world.harness.slack.calls.length;
    await click(world, 'anna', reminder, 'Ricordamelo più tardi');
    await world.harness.slack.waitForCall('chat.update', { since });
    const dayBefore = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' })
      .format(new Date(world.expirySeconds('anna') * 1000 - DAY_MS));
    const on = /^(1|8|11) /.test(dayBefore) ? `l'${dayBefore}` : `il ${dayBefore}`; // "il 3 dicembre", "l'8 dicembre"
    expect(visibleText(world.dmsTo('anna')[0])).toContain(`Te lo ricorderò di nuovo ${on}.`);

    await nextSweeps(world, 2);
    expect(world.dmsTo('anna')).toHaveLength(1);
    world.harness.clock.advance(2 * DAY_MS + 60 * 60 * 1000); // past "the day before the expiry"
    await firstDmAfter(world, 'anna', 1);
    await nextSweeps(world, 2);
    expect(world.dmsTo('anna')).toHaveLength(2);
    expect(visibleText(world.dmsTo('anna')[1])).toMatch(/scade (il |l')<!date\^/);
  });

  it('a password changed after its reminder ends that account\'s reminders (its expiry moved), while another account reaches its next window', async () => {
    world = await startReminderWorld({ env: EVERY_SECOND });
    await firstDm(world, 'anna'); // 3 days left: the 3-day reminder
    await firstDm(world, 'giulia'); // 4 days left: the 10-day reminder
    await nextSweeps(world, 1);

    await world.server.changeOwnPassword(world.people.anna.dn, world.people.anna.spec.password, 'Lantern-Orchard-73;');
    world.harness.clock.advance(2 * DAY_MS); // Anna would be 1 day from her old expiry, Giulia 2 from hers

    await firstDmAfter(world, 'giulia', 1); // her 3-day reminder
    await nextSweeps(world, 2);
    expect(world.dmsTo('giulia')).toHaveLength(2);
    expect(world.dmsTo('anna')).toHaveLength(1);
  });

  it('/password status shows when each password changed and when it expires, or that it does not, with "Change now" (and "Reset my password" once expired)', async () => {
    world = await startReminderWorld({ slack: { users: { U0NINA: { email: 'er.nina@uni.example', locale: 'en-GB' } } } });
    const { people } = world;

    const since = world.harness.slack.calls.length;
    await world.harness.driver.slashCommand('U0JAN', '/password', 'status');
    const jan = await world.harness.slack.waitForCall('response_url', { since });

    const janText = visibleText({ blocks: jan.args.blocks as unknown[] });
    const changedSeconds = world.expirySeconds('janStaff') - 365 * 24 * 3600;
    expect(janText).toContain(`*${people.janStaff.spec.username}*: ostatnia zmiana <!date^${changedSeconds}^`);
    expect(janText).toContain(`wygasa <!date^${world.expirySeconds('janStaff')}^`);
    expect(janText).toContain(`*${people.janStudent.spec.username}*: ostatnia zmiana`);
    expect(jan.args.response_type).toBe('ephemeral');
    const statusMessage = { channel: 'C0GENERAL', ts: '1.000001', blocks: jan.args.blocks as unknown[] };
    expect(buttonLabels(statusMessage)).toEqual(['Zmień teraz']);
    const opening = world.harness.slack.calls.length;
    await world.harness.driver.clickButton('U0JAN', { ...buttonByText(statusMessage, 'Zmień teraz'), message: statusMessage });
    await world.harness.slack.waitForCall('views.open', { since: opening });
    await world.harness.slack.waitForCall('views.update', { since: opening });
    expect(world.harness.slack.lastView('U0JAN')?.callback_id).toBe('change-password.form');

    const ninaSince = world.harness.slack.calls.length;
    await world.harness.driver.slashCommand('U0NINA', '/password', 'status');
    const nina = await world.harness.slack.waitForCall('response_url', { since: ninaSince });
    expect(visibleText({ blocks: nina.args.blocks as unknown[] })).toContain(`*${people.nina.spec.username}*: last changed on <!date^`);
    expect(visibleText({ blocks: nina.args.blocks as unknown[] })).toContain('does not expire');

    // Expired: the old password no longer works, so the forgot-password entry is offered too.
    const marcoSince = world.harness.slack.calls.length;
    await world.harness.driver.slashCommand('U0MARCO', '/password', 'status');
    const marco = await world.harness.slack.waitForCall('response_url', { since: marcoSince });
    const marcoBlocks = { blocks: marco.args.blocks as unknown[] };
    expect(visibleText(marcoBlocks)).toMatch(new RegExp(`\\*${people.marco.spec.username}\\*: ultimo cambio (il |l')<!date\\^`));
    expect(visibleText(marcoBlocks)).toMatch(/è scaduta (il |l')<!date\^/);
    expect(visibleText(marcoBlocks)).toContain('`/password reset`');
    expect(buttonLabels(marcoBlocks)).toEqual(['Cambia ora', 'Reimposta la password']);
  });

  it('a reminder claimed by a sweep that died is sent by a later sweep once that claim\'s lease has run out', async () => {
    world = await startReminderWorld();
    const { people } = world;
    const key = `expiry-reminder:${people.anna.dn.toLowerCase()}:${new Date(world.expirySeconds('anna') * 1000).toISOString()}:3d`;
    const store = SqliteStore.open(sqlitePathOf(world.harness.env.DATABASE_URL));
    const now = world.harness.clock.now();
    expect(await store.claim(key, 'sweep:crashed', now, new Date(now.getTime() + 10 * 60 * 1000))).toBe('claimed');
    await store.close();
    // Restarted with the schedule on: the first sweeps leave Anna alone, the dead sweep's lease still runs.
    world.harness.env.REMINDERS_ENABLED = 'true';
    world.harness.env.REMINDER_CRON = EVERY_SECOND.REMINDER_CRON;
    await world.harness.restart();
    await nextSweeps(world, 2);
    expect(world.dmsTo('anna')).toHaveLength(0);
    expect(world.dmsTo('piotr')).toHaveLength(1);

    world.harness.clock.advance(11 * 60 * 1000);
    await firstDm(world, 'anna');
    await nextSweeps(world, 1);
    expect(world.dmsTo('anna')).toHaveLength(1);
  });
});

/** The labels of a message's buttons, in order. */
function buttonLabels(message: { blocks?: unknown[] }): string[] {
  const blocks = (message.blocks ?? []) as Array<{ type: string; elements?: Array<{ type: string; text?: { text: string } }> }>;
  return blocks.filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []).filter((element) => element.type === 'button').map((element) => element.text?.text ?? '');
}

async function firstDmAfter(w: ReminderWorld, key: ExpiringKey, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (w.dmsTo(key).length <= count) {
    if (Date.now() > deadline) throw new Error(`no new DM to ${key}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
