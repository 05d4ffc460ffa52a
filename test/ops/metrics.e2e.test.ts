import { DAY_MS, seedExpiringOnSlapd, slackUsersOf } from '../harness/expiring-people';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { setPasswordChangedTime } from '../harness/slapd-expiry';
import { sqlitePathOf } from '../../src/store/open-store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { nextSmsCode, SlackUser } from '../e2e/slack-user';

/**
 * GET /metrics after real journeys against slapd, the Slack and Twilio fakes: what happened is
 * counted, and no label names a person, an account or a phone.
 */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const CHOSEN = 'Quiet-Harbour-58;Lamp';

let slapd: SlapdServer;
let harness: PassdeskUnderTest;
const everyone: { userId: string; people: SeededPeople }[] = [];

beforeAll(async () => {
  slapd = await startSlapd();
  // Everyone shares Jan's phone: two SMS an hour to it, then the limit refuses.
  harness = await startPassdeskUnderTest({ directory: slapd, env: { LIMIT_SMS_PER_HOUR: '2', LIMIT_FLOWS_PER_DAY: '100' } });
});
afterAll(async () => {
  await harness?.stop();
  await slapd?.stop();
});

async function person(tag: string): Promise<SlackUser> {
  const people = await seedPeople(slapd, { tag });
  const userId = `U${tag.toUpperCase()}`;
  harness.slack.setUser(userId, { email: people.staff.mail, locale: 'en-US' });
  everyone.push({ userId, people });
  return new SlackUser(harness, userId);
}

async function passIdentity(user: SlackUser): Promise<void> {
  await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

async function scrape(): Promise<{ text: string; samples: Sample[] }> {
  const response = await fetch(`http://127.0.0.1:${harness.passdesk.port}/metrics`);
  const text = await response.text();
  const samples = text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    return { name: match[1], labels, value: Number(match[3]) };
  });
  return { text, samples };
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

it('counts journeys, SMS, limits, Slack, directory and store work, and no label names anyone', async () => {
  // Each person goes straight to the reset (`/password reset`), so the counts are the reset's alone
  // (the menu's own owner look-up would add directory work).
  // A whole journey; Slack rate-limits the first users.info (passdesk waits and retries).
  const completes = await person('mok');
  harness.slack.failNext('users.info', { httpStatus: 429, retryAfterSeconds: 0 });
  await completes.openMenu('reset');
  let since = harness.twilio.messages.length;
  await passIdentity(completes);
  const code = await nextSmsCode(harness, since);
  await completes.submit([[CODE, code]]);
  await completes.submit([['New password', CHOSEN], ['New password again', CHOSEN]]);
  expect(completes.text()).toContain('Your password has been changed');

  // Twilio refuses the next SMS: the flow ends, the SMS counts as failed (and against the limit).
  const smsFails = await person('mfail');
  await smsFails.openMenu('reset');
  harness.twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
  await passIdentity(smsFails);
  expect(smsFails.text()).toContain('We could not send the SMS');

  // The phone's hourly allowance (2) is used up: refused by the limit.
  const limited = await person('mlim');
  await limited.openMenu('reset');
  since = harness.twilio.messages.length;
  await passIdentity(limited);
  expect(limited.text()).toContain('Too many attempts');
  expect(harness.twilio.messages.length).toBe(since);

  // Slack answers users.info with an error: the person is told something went wrong.
  const slackFails = await person('mslack');
  harness.slack.failNext('users.info', 'user_not_found');
  await slackFails.openMenu('reset');

  // The directory goes away.
  const noDirectory = await person('mdir');
  await slapd.halt();
  try {
    await noDirectory.openMenu('reset');
  } finally {
    await slapd.resume();
  }
  expect(noDirectory.text()).toContain('cannot be reached');

  const { samples } = await scrape();
  const journey = { journey: 'password-reset' };
  expect(valueOf(samples, 'passdesk_journeys_started_total', journey)).toBe(4);
  expect(valueOf(samples, 'passdesk_journeys_finished_total', { ...journey, outcome: 'completed' })).toBe(1);
  expect(valueOf(samples, 'passdesk_journeys_finished_total', { ...journey, outcome: 'sms-failed' })).toBe(1);
  expect(valueOf(samples, 'passdesk_journeys_finished_total', { ...journey, outcome: 'rate-limited' })).toBe(1);
  expect(valueOf(samples, 'passdesk_journeys_finished_total', { ...journey, outcome: 'directory-unavailable' })).toBe(1);
  expect(valueOf(samples, 'passdesk_sms_total', { result: 'sent' })).toBe(1);
  expect(valueOf(samples, 'passdesk_sms_total', { result: 'failed' })).toBe(1);
  expect(valueOf(samples, 'passdesk_limit_refusals_total', { limit: 'sms' })).toBe(1);
  expect(valueOf(samples, 'passdesk_slack_api_rate_limited_total', { method: 'users.info' })).toBe(1);
  expect(valueOf(samples, 'passdesk_slack_api_errors_total', { method: 'users.info', error: 'user_not_found' })).toBe(1);
  expect(valueOf(samples, 'passdesk_directory_errors_total', { operation: 'findAccountsByMail', kind: 'unavailable' })).toBe(1);
  expect(valueOf(samples, 'passdesk_directory_operation_duration_seconds_count', { operation: 'findAccountsByMail' })).toBe(4);
  expect(valueOf(samples, 'passdesk_directory_operation_duration_seconds_count', { operation: 'resetPassword' })).toBe(2);
  expect(valueOf(samples, 'passdesk_store_operation_duration_seconds_count', { operation: 'consume' })).toBeGreaterThanOrEqual(6);
  expect(valueOf(samples, 'passdesk_store_operation_duration_seconds_count', { operation: 'appendAudit' })).toBeGreaterThan(10);
  // Every label but histogram bucket bounds (le="+Inf").
  const labelValues = samples.flatMap((sample) => Object.entries(sample.labels).filter(([k]) => k !== 'le').map(([, v]) => v));
  expect(labelValues.length).toBeGreaterThan(20);
  const personal = everyone.flatMap(({ userId, people }) => [
    userId,
    ...Object.values(people).flatMap((account) => [account.username, account.mail, account.dn]),
  ]);
  personal.push(JAN_PHONE, JAN_PHONE.replace('+', ''), harness.slack.teamId);
  for (const value of labelValues) {
    for (const secret of personal) expect(value.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(value).not.toMatch(/[@=+]|\d{4}/);
  }
});

it('counts the expiry-reminder sweeps (duration by result) and each account\'s reminder by channel and result, and no label names anyone', async () => {
  const cast = await seedExpiringOnSlapd(slapd, 'mrem', harness.clock.now());
  for (const [userId, user] of Object.entries(slackUsersOf(cast))) harness.slack.setUser(userId, user);
  // Due in two days, with no mail address: nobody to tell, so skipped.
  const noMail = await slapd.addAccount({ username: 'mremnomail', mail: 'mrem.nomail@uni.example', password: 'Kettle-Drum-48!', givenName: 'No', sn: 'Mail' });
  await setPasswordChangedTime(slapd, noMail, new Date(harness.clock.now().getTime() + 2 * DAY_MS - 365 * DAY_MS));
  await slapd.modifyAsRoot(noMail, 'mail', []);
  // The first DM fails in Slack: its accounts count as failed, and the next sweep sends it.
  harness.slack.failNext('chat.postMessage', 'channel_not_found');

  const first = await harness.passdesk.runReminderSweep();
  const second = await harness.passdesk.runReminderSweep();

  expect([first.finished, second.finished]).toEqual([false, true]);
  const store = SqliteStore.open(sqlitePathOf(harness.env.DATABASE_URL));
  const failedAccounts = (await store.listAudit({ action: 'expiry-reminder.failed' }).finally(() => store.close())).length;
  expect(failedAccounts).toBeGreaterThanOrEqual(1);
  const { samples } = await scrape();
  const reminders = (channel: string, result: string) => valueOf(samples, 'passdesk_reminders_total', { channel, result });
  // Jan (two linked accounts), Anna, Piotr, Giulia, Marco in Slack; Ewa by mail; per account.
  expect(reminders('slack', 'sent')).toBe(6);
  expect(reminders('slack', 'failed')).toBe(failedAccounts);
  expect(reminders('mail', 'sent')).toBe(1);
  expect(reminders('none', 'skipped')).toBe(1);
  const sweeps = (result: string) => valueOf(samples, 'passdesk_reminder_sweep_duration_seconds_count', { result });
  expect([sweeps('unfinished'), sweeps('ok')]).toEqual([1, 1]);

  const personal = Object.values(cast).flatMap((person) => [person.spec.username, person.spec.mail, person.dn, person.slack?.id ?? person.spec.username]);
  personal.push(noMail, 'mremnomail');
  const labelValues = samples.flatMap((sample) => Object.entries(sample.labels).filter(([k]) => k !== 'le').map(([, v]) => v));
  for (const value of labelValues) {
    for (const secret of personal) expect(value.toLowerCase()).not.toContain(secret.toLowerCase());
  }
});
