import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { FaultyStore } from '../harness/faulty-store';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { fillByLabel } from '../harness/slack-driver';
import { SlackUser, nextSmsCode } from './slack-user';

/**
 * Failures after a password was written (the store, the audit, a lost compare-and-set, a crash)
 * never make the person read "Nothing was changed": they are told what changed. The store is
 * passed to passdesk as its adapter, a real SQLite store that fails on demand.
 */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const NOTHING_CHANGED = /Nothing was changed/i;
const LEASE_MS = 60_000;

let slapd: SlapdServer;
let harness: PassdeskUnderTest;
let store: FaultyStore;
let dataDir: string;
let serial = 0;

beforeAll(async () => {
  slapd = await startSlapd();
  dataDir = mkdtempSync(join(tmpdir(), 'passdesk-faults-'));
  store = new FaultyStore(SqliteStore.open(join(dataDir, 'passdesk.sqlite')));
  harness = await startPassdeskUnderTest({
    directory: slapd,
    adapters: { store },
    // People here read English (their Slack locale); answers without a flow use this one.
    env: { DEFAULT_LOCALE: 'it', LIMIT_FLOWS_PER_DAY: '1000', LIMIT_SMS_PER_HOUR: '1000', LIMIT_WRONG_ANSWERS_PER_HOUR: '1000' },
  });
});

afterAll(async () => {
  await harness?.stop();
  await store?.close();
  await slapd?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function atNewPassword(): Promise<{ people: SeededPeople; user: SlackUser }> {
  serial += 1;
  const people = await seedPeople(slapd, { tag: `h${serial}` });
  const userId = `UHONEST${serial}`;
  harness.slack.setUser(userId, { email: people.staff.mail, locale: 'en-GB' });
  const user = new SlackUser(harness, userId);
  await user.runPassword();
  const since = harness.twilio.messages.length;
  await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
  await user.submit([[CODE, await nextSmsCode(harness, since)]]);
  expect(user.labels()).toEqual([NEW_PASSWORD, AGAIN]);
  return { people, user };
}

async function bindsWith(people: SeededPeople, password: string): Promise<boolean[]> {
  return [await slapd.canBind(people.staff.dn, password), await slapd.canBind(people.student.dn, password)];
}

function logged(message: string): boolean {
  return harness.logs.some((line) => (JSON.parse(line) as { msg?: string }).msg === message);
}

async function auditOf(userId: string): Promise<string[]> {
  const events = await store.listAudit({ actor: `slack:${harness.slack.teamId}:${userId}` });
  return events.map((event) => `${event.action} ${event.result}`);
}

describe('after a password was written', () => {
  it('a failing audit write of the change still ends on "changed", and the person is told by DM', async () => {
    const { people, user } = await atNewPassword();
    store.failAudit((event) => event.action === 'password-reset.password-changed' && event.subject === people.staff.dn);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`Your password has been changed for: ${people.staff.username}, ${people.student.username}`);
    expect(user.text()).not.toMatch(NOTHING_CHANGED);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, true]);
    expect((await harness.slack.waitForMessage(user.id)).text).toContain('Your password was changed');
    expect(logged('audit event not stored (it is in the log line before)')).toBe(true);
  });

  it('a failing audit of the completion still ends on "changed"', async () => {
    const { people, user } = await atNewPassword();
    store.failAudit((event) => event.action === 'password-reset.completed' && event.subject === people.staff.dn);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(user.text()).not.toMatch(NOTHING_CHANGED);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, true]);
    expect((await harness.slack.waitForMessage(user.id)).text).toContain('Your password was changed');
  });

  it('a store that goes down after the first write: every account is changed and the person is told so', async () => {
    const { people, user } = await atNewPassword();
    const staffWritten = (state: Record<string, unknown>) =>
      state.userId === user.id && Array.isArray(state.changedDns) && state.changedDns.includes(people.staff.dn);
    store.failFlowSave(staffWritten, 'throw', Number.POSITIVE_INFINITY);
    store.failAudit((event) => event.actor.endsWith(`:${user.id}`), Number.POSITIVE_INFINITY);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`Your password has been changed for: ${people.staff.username}, ${people.student.username}`);
    expect(user.text()).not.toMatch(NOTHING_CHANGED);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, true]);
    expect((await harness.slack.waitForMessage(user.id)).text).toContain('Your password was changed');
  });

  it('a lost compare-and-set on the final save still ends on "changed"', async () => {
    const { people, user } = await atNewPassword();
    store.failFlowSave((state) => state.userId === user.id && state.step === 'done', 'lose');
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(await bindsWith(people, CHOSEN)).toEqual([true, true]);
    expect(logged('every account changed, but another submission holds the flow')).toBe(true);
  });

  it('another submission taking the flow after the first write: no more writes, and it says which changed', async () => {
    const { people, user } = await atNewPassword();
    store.failFlowSave((state) => state.userId === user.id && state.writingDn === people.student.dn, 'lose');
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`Your password was changed for: ${people.staff.username}`);
    expect(user.text()).toContain(`It could NOT be changed for: ${people.student.username}`);
    expect(user.text()).toContain('contact the help desk');
    expect(user.text()).not.toMatch(NOTHING_CHANGED);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, false]);
    expect(await slapd.canBind(people.student.dn, people.student.password)).toBe(true);
  });

  it('a partial change whose state cannot be kept says what changed, and to ask the help desk', async () => {
    const { people, user } = await atNewPassword();
    // The student account's history holds CHOSEN, so the server refuses it there only.
    const adapter = createDirectory(loadConfig(harness.env).ldap, systemClock);
    await adapter.resetPassword(people.student.dn, CHOSEN);
    await adapter.resetPassword(people.student.dn, 'Interim-Passw0rd;Kite');
    await adapter.close();
    store.failFlowSave((state) => state.userId === user.id && state.changingUntil === null
      && Array.isArray(state.changedDns) && state.changedDns.length === 1, 'throw');

    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`Your password was changed for: ${people.staff.username}`);
    expect(user.text()).toContain(`It could NOT be changed for: ${people.student.username}`);
    expect(user.text()).not.toMatch(NOTHING_CHANGED);
    expect(user.labels()).toEqual([]);
    expect(await slapd.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect((await harness.slack.waitForMessage(user.id)).text).toContain(`It was NOT changed for: ${people.student.username}.`);
  });
});

describe('a change interrupted by a crash', () => {
  it('holds the flow until its lease runs out, then finishes with the same password, counting what was written', async () => {
    const { people, user } = await atNewPassword();
    const passwordView = user.view();
    // The process dies right after writing the staff account, before recording it.
    store.failFlowSave((state) => state.userId === user.id && state.writingDn === null && state.changingUntil !== null
      && Array.isArray(state.changedDns) && state.changedDns.includes(people.staff.dn), 'freeze');
    const submit = (password: string) =>
      harness.driver.submitView(user.id, passwordView, fillByLabel(passwordView, { [NEW_PASSWORD]: password, [AGAIN]: password }));
    // Slack waits in vain, then shows "working"; the update never comes.
    await submit(CHOSEN);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, false]);
    await harness.restart();

    // Had the process died before answering, Slack would still show the password screen: submitted again.
    const resubmit = submit;
    await resubmit(CHOSEN);
    expect(user.view().shownErrors?.new_password).toContain('still being processed');

    harness.clock.advance(LEASE_MS + 1000);
    await resubmit('Other-Harbour-58;Lamp');
    expect(user.view().shownErrors?.new_password).toContain('Type the same new password as before');

    await resubmit(CHOSEN);
    expect(user.text()).toContain(`Your password has been changed for: ${people.staff.username}, ${people.student.username}`);
    expect(await bindsWith(people, CHOSEN)).toEqual([true, true]);
    expect(await auditOf(user.id)).toContain('password-reset.change-resumed ok');
  });
});

describe('an ending that loses its compare-and-set', () => {
  it('still ends the flow: after too many wrong answers, the right ones send no code', async () => {
    serial += 1;
    const people = await seedPeople(slapd, { tag: `h${serial}` });
    const userId = `UENDRACE${serial}`;
    harness.slack.setUser(userId, { email: people.staff.mail, locale: 'en-GB' });
    const user = new SlackUser(harness, userId);
    await user.runPassword();
    // As if another submission had saved the flow just before the ending did.
    store.failFlowSave((state) => state.userId === userId && state.step === 'ended', 'lose');
    let lastIdentityView = user.view();
    for (const digits of ['901', '902', '903']) {
      lastIdentityView = user.view();
      await user.submit([[PHONE_DIGITS, digits], user.challenge()]);
    }
    expect(user.labels()).toEqual([]);

    const sent = harness.twilio.messages.length;
    const [label, answer] = challengeOf(lastIdentityView);
    await harness.driver.submitView(userId, lastIdentityView,
      fillByLabel(lastIdentityView, { [PHONE_DIGITS]: JAN_PHONE.slice(-3), [label]: answer }));
    expect(harness.twilio.messages.length).toBe(sent);
    expect(await auditOf(userId)).toContain('password-reset.replayed refused');
  });
});

describe('replays and languages', () => {
  it('audits a screen submitted again as a replay, not as an expiry', async () => {
    serial += 1;
    const people = await seedPeople(slapd, { tag: `h${serial}` });
    const userId = `UREPLAY${serial}`;
    harness.slack.setUser(userId, { email: people.staff.mail, locale: 'en-GB' });
    const user = new SlackUser(harness, userId);
    await user.runPassword();
    const identityView = user.view();
    const answers = fillByLabel(identityView, Object.fromEntries([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]));
    const since = harness.twilio.messages.length;
    await harness.driver.submitView(user.id, identityView, answers);
    await nextSmsCode(harness, since);

    await harness.driver.submitView(user.id, identityView, answers);
    expect(user.text()).toContain('This reset has expired or was already finished');
    const audit = await auditOf(user.id);
    expect(audit).toContain('password-reset.replayed refused');
    expect(audit).not.toContain('password-reset.ended failed');
  });

  it('answers a submission whose flow is missing, or unreadable, in DEFAULT_LOCALE', async () => {
    const { user } = await atNewPassword();
    const view = user.view();
    const db = new DatabaseSync(join(dataDir, 'passdesk.sqlite'));
    db.prepare("UPDATE flows SET data = json_remove(data, '$.codeFailures') WHERE key LIKE ?").run(`%:${user.id}:%`);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Questa procedura non può proseguire');

    db.prepare('DELETE FROM flows WHERE key LIKE ?').run(`%:${user.id}:%`);
    db.close();
    await harness.driver.submitView(user.id, view, fillByLabel(view, { [NEW_PASSWORD]: CHOSEN, [AGAIN]: CHOSEN }));
    expect(user.text()).toContain('Questa procedura è scaduta');
  });
});

/** The arithmetic question of an identity view and its answer. */
function challengeOf(view: { blocks: unknown[] }): [string, string] {
  for (const block of view.blocks as { type: string; label?: { text: string } }[]) {
    const match = block.type === 'input' ? /(\d+)\s*([+−-])\s*(\d+)/.exec(block.label?.text ?? '') : null;
    if (match) {
      const [, left, operator, right] = match;
      return [block.label?.text ?? '', String(operator === '+' ? Number(left) + Number(right) : Number(left) - Number(right))];
    }
  }
  throw new Error('no arithmetic question in the view');
}
