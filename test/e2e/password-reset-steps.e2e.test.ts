import { DatabaseSync } from 'node:sqlite';
import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import { sqlitePathOf } from '../../src/store/open-store';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/** Each step's refusals, limits, expiry, restarts and partial failures, on OpenLDAP. */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const MINUTE = 60_000;
const GENEROUS_LIMITS = { LIMIT_FLOWS_PER_DAY: '1000', LIMIT_SMS_PER_HOUR: '1000', LIMIT_WRONG_ANSWERS_PER_HOUR: '1000' };

let slapd: SlapdServer;
let harness: PassdeskUnderTest;
let serial = 0;

beforeAll(async () => {
  slapd = await startSlapd();
  // The journey people share one phone number; limits get their own test below.
  harness = await startPassdeskUnderTest({ directory: slapd, env: GENEROUS_LIMITS });
});

afterAll(async () => {
  await harness?.stop();
  await slapd?.stop();
});

async function newPerson(locale = 'en-GB'): Promise<{ people: SeededPeople; user: SlackUser }> {
  serial += 1;
  const tag = `s${serial}`;
  const people = await seedPeople(slapd, { tag });
  const userId = `USTEP${serial}`;
  harness.slack.setUser(userId, { email: people.staff.mail, locale });
  return { people, user: new SlackUser(harness, userId) };
}

async function toCodeStep(user: SlackUser): Promise<string> {
  await user.runPassword();
  const since = harness.twilio.messages.length;
  await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
  return nextSmsCode(harness, since);
}

function wrongCode(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

async function auditActions(actor: string): Promise<string[]> {
  return harness.logs
    .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; result: string } })
    .filter((entry) => entry.audit?.actor.endsWith(`:${actor}`))
    .map((entry) => `${entry.audit?.action} ${entry.audit?.result}`);
}

describe('finding the accounts', () => {
  it('finds nothing for a Slack email that no account has, and says what to do', async () => {
    harness.slack.setUser('UNOBODY', { email: 'nobody@uni.example' });
    const user = new SlackUser(harness, 'UNOBODY');
    await user.runPassword();
    expect(user.text()).toContain('We found no university account with the email address of your Slack profile');
    expect(user.text()).toContain('If you need help, contact the IT help desk (#it-help)');
  });

  it('uses only a Slack email that Slack has confirmed', async () => {
    const people = await seedPeople(slapd, { tag: 'unconfirmed' });
    harness.slack.setUser('UUNCONFIRMED', { email: people.staff.mail, is_email_confirmed: false });
    const user = new SlackUser(harness, 'UUNCONFIRMED');
    await user.runPassword();
    expect(user.text()).toContain('no confirmed email address');
    expect(user.labels()).toEqual([]);
  });

  it('matches the Slack email to the mail attribute without regard to case', async () => {
    const people = await seedPeople(slapd, { tag: 'case' });
    harness.slack.setUser('UCASE', { email: people.staff.mail.toUpperCase() });
    const user = new SlackUser(harness, 'UCASE');
    await user.runPassword();
    expect(user.labels()).toContain(PHONE_DIGITS);
  });
});

describe('identity check', () => {
  it('gives one message for wrong digits and for a wrong sum, a new sum each time, and ends after 3 wrong answers', async () => {
    const { user } = await newPerson();
    await user.runPassword();

    await user.submit([[PHONE_DIGITS, '12'], user.challenge()]);
    expect(user.view().shownErrors?.phone_digits).toBe('Type exactly 3 digits.');

    // Wrong digits, right sum: the screen the person then reads, less its (new) question.
    const [firstLabel] = user.challenge();
    await user.submit([[PHONE_DIGITS, '999'], user.challenge()]);
    const afterWrongDigits = user.text().replace(user.challenge()[0], '');
    expect(user.view().shownErrors).toBeUndefined();
    expect(afterWrongDigits).not.toContain(firstLabel);

    // Right digits, wrong sum: the very same words.
    const [label, answer] = user.challenge();
    await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], [label, String(Number(answer) + 1)]]);
    const afterWrongSum = user.text().replace(user.challenge()[0], '');
    expect(user.view().shownErrors).toBeUndefined();
    expect(afterWrongSum).toBe(afterWrongDigits);
    expect(afterWrongSum).toContain('These answers do not match our records.');
    expect(afterWrongSum).not.toMatch(/digits do not match|not the right result/);

    await user.submit([[PHONE_DIGITS, '998'], user.challenge()]);
    expect(user.text()).toContain('Too many wrong answers');
    expect(user.labels()).toEqual([]);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining([
      'password-reset.identity-failed refused',
      'password-reset.locked refused',
    ]));
  });

  it('lists the usernames only after the identity check', async () => {
    const { people, user } = await newPerson();
    await user.runPassword();
    const usernames = [people.staff.username, people.student.username];
    for (const name of usernames) expect(user.text()).not.toContain(name);
    await user.submit([[PHONE_DIGITS, '999'], user.challenge()]);
    for (const name of usernames) expect(user.text()).not.toContain(name);

    const since = harness.twilio.messages.length;
    await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
    await nextSmsCode(harness, since);
    expect(user.labels()).toEqual([CODE]);
    for (const name of usernames) expect(user.text()).toContain(name);
  });

  it('does not send a code when the flow is over, whatever is submitted later', async () => {
    const { user } = await newPerson();
    await user.runPassword();
    const identityView = user.view();
    for (const digits of ['901', '902', '903']) await user.submit([[PHONE_DIGITS, digits], user.challenge()]);
    const sent = harness.twilio.messages.length;
    // A replay of the identity step with the right answers, on the ended flow.
    await harness.driver.submitView(user.id, identityView, {
      phone_digits: { value: { type: 'plain_text_input', value: JAN_PHONE.slice(-3) } },
      challenge: { value: { type: 'plain_text_input', value: '0' } },
    });
    expect(harness.twilio.messages.length).toBe(sent);
  });
});

describe('SMS code', () => {
  it('counts wrong codes and ends the flow at the fifth', async () => {
    const { people, user } = await newPerson();
    const code = await toCodeStep(user);
    for (let left = 4; left >= 1; left -= 1) {
      await user.submit([[CODE, wrongCode(code)]]);
      expect(user.view().shownErrors?.code).toBe(`That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`);
    }
    await user.submit([[CODE, wrongCode(code)]]);
    expect(user.text()).toContain('Too many wrong codes');
    expect(await slapd.canBind(people.staff.dn, people.staff.password)).toBe(true);
  });

  it('expires after 10 minutes', async () => {
    const { user } = await newPerson();
    const code = await toCodeStep(user);
    harness.clock.advance(10 * MINUTE + 1000);
    await user.submit([[CODE, code]]);
    expect(user.text()).toContain('The code has expired');
  });

  it('is single use and bound to its flow: a code from another flow does not work', async () => {
    const first = await newPerson();
    const second = await newPerson();
    const firstCode = await toCodeStep(first.user);
    const secondCode = await toCodeStep(second.user);
    if (firstCode !== secondCode) {
      await second.user.submit([[CODE, firstCode]]);
      expect(second.user.view().shownErrors?.code).toContain('That code is not right');
    }
    await second.user.submit([[CODE, secondCode]]);
    expect(second.user.labels()).toEqual([NEW_PASSWORD, AGAIN]);
  });

  it('resends only after the cooldown, invalidates the old code, and keeps counting failures', async () => {
    const { user } = await newPerson();
    const oldCode = await toCodeStep(user);
    for (let i = 0; i < 3; i += 1) await user.submit([[CODE, wrongCode(oldCode)]]);

    const before = harness.twilio.messages.length;
    const mark = harness.slack.calls.length;
    await user.click('Send a new code');
    await harness.slack.waitForCall('views.update', { since: mark });
    expect(user.text()).toMatch(/Please wait \d+ seconds/);
    expect(harness.twilio.messages.length).toBe(before);

    harness.clock.advance(61_000);
    const since = harness.slack.calls.length;
    await user.click('Send a new code');
    await harness.slack.waitForCall('views.update', { since });
    const newCode = await nextSmsCode(harness, before);
    expect(user.text()).toContain('Earlier codes no longer work');

    if (newCode !== oldCode) {
      await user.submit([[CODE, oldCode]]);
      expect(user.view().shownErrors?.code).toContain('1 try left');
    } else {
      await user.submit([[CODE, wrongCode(newCode)]]);
    }
    await user.submit([[CODE, wrongCode(newCode)]]);
    expect(user.text()).toContain('Too many wrong codes');
  });
});

describe('new password', () => {
  it('after a partial failure says what changed, insists on the same password, and a retry finishes', async () => {
    const { people, user } = await newPerson();
    const adapter = createDirectory(loadConfig(harness.env).ldap, systemClock);
    // The student account's history holds CHOSEN, so the server refuses it there only.
    await adapter.resetPassword(people.student.dn, CHOSEN);
    await adapter.resetPassword(people.student.dn, 'Interim-Passw0rd;Kite');

    const code = await toCodeStep(user);
    await user.submit([[CODE, code]]);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`Your password was changed for: ${people.staff.username}`);
    expect(user.text()).toContain(`It could NOT be changed for: ${people.student.username}`);
    expect(await slapd.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining([
      'password-reset.password-changed ok',
      'password-reset.password-changed failed',
    ]));
    // The DM and the mail go out now too, naming what changed and what did not.
    const partialDm = await harness.slack.waitForMessage(user.id);
    const partialMail = await harness.smtp.waitForMessage(people.student.mail);
    for (const text of [partialDm.text ?? '', partialMail.text]) {
      expect(text).toContain(`Your password was changed for: ${people.staff.username},`);
      expect(text).toContain(`It was NOT changed for: ${people.student.username}.`);
      expect(text).not.toContain(CHOSEN);
    }
    expect((await harness.smtp.waitForMessage(people.staff.mail)).text).toContain(`It was NOT changed for: ${people.student.username}.`);

    await user.submit([[NEW_PASSWORD, 'Other-Harbour-58;Lamp'], [AGAIN, 'Other-Harbour-58;Lamp']]);
    expect(user.view().shownErrors?.new_password).toContain('Type the same new password as before');

    // The directory's history moves on (5 passwords), then the same password finishes the rest.
    for (let i = 1; i <= 5; i += 1) await adapter.resetPassword(people.student.dn, `Interim-Passw0rd;Kite${i}`);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(await slapd.canBind(people.student.dn, CHOSEN)).toBe(true);
    expect(await slapd.canBind(people.staff.dn, CHOSEN)).toBe(true);
    const finalDm = await harness.slack.waitForMessage((message) => message.userId === user.id && message.ts !== partialDm.ts);
    expect(finalDm.text).toContain(`Your password was changed for: ${people.staff.username}, ${people.student.username},`);
    expect(finalDm.text).not.toContain('NOT changed');
  });

  it('changes nothing when an account was disabled during the flow', async () => {
    const { people, user } = await newPerson();
    const code = await toCodeStep(user);
    await user.submit([[CODE, code]]);
    await slapd.disable(people.student.dn);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.view().shownErrors?.new_password).toContain('removed or disabled meanwhile');
    expect(await slapd.canBind(people.staff.dn, people.staff.password)).toBe(true);
  });
});

describe('restarts', () => {
  it('loses nothing when passdesk restarts in the middle of a flow', async () => {
    const { people, user } = await newPerson();
    const code = await toCodeStep(user);
    await harness.restart();
    await user.submit([[CODE, code]]);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(await slapd.canBind(people.student.dn, CHOSEN)).toBe(true);
  });
});

describe('a stored flow passdesk cannot read', () => {
  it('ends with "start again", changes nothing, and a new /password works', async () => {
    const { people, user } = await newPerson();
    const code = await toCodeStep(user);
    // As if an older passdesk had written this flow: a field the state needs is missing.
    const db = new DatabaseSync(sqlitePathOf(harness.env.DATABASE_URL));
    db.prepare("UPDATE flows SET data = json_remove(data, '$.codeFailures') WHERE key LIKE ?").run(`%:${user.id}:%`);
    db.close();

    await user.submit([[CODE, code]]);
    expect(user.text()).toContain('This reset cannot be continued. Nothing was changed. Please start again with /password.');
    expect(await slapd.canBind(people.staff.dn, people.staff.password)).toBe(true);

    await user.runPassword();
    expect(user.labels()).toContain(PHONE_DIGITS);
  });
});

describe('languages', () => {
  it.each([
    ['it-IT', 'Reimposta password', 'Ultime 3 cifre del numero di telefono registrato', 'Codice ricevuto via SMS'],
    ['pl-PL', 'Reset hasła', 'Trzy ostatnie cyfry zdefiniowanego numeru telefonu', 'Kod z SMS-a'],
    ['en-US', 'Password reset', PHONE_DIGITS, CODE],
    ['fr-FR', 'Password reset', PHONE_DIGITS, CODE],
  ])('renders the journey in the Slack locale %s (or the default)', async (locale, title, phoneLabel, codeLabel) => {
    const { user } = await newPerson(locale);
    await user.runPassword();
    expect(user.view().title.text).toBe(title);
    expect(user.labels()[0]).toBe(phoneLabel);
    const since = harness.twilio.messages.length;
    await user.submit([[phoneLabel, JAN_PHONE.slice(-3)], user.challenge()]);
    await nextSmsCode(harness, since);
    expect(user.labels()).toEqual([codeLabel]);
  });
});

describe('faults', () => {
  it('tells the person when the SMS could not be sent, and audits it', async () => {
    const { user } = await newPerson();
    await user.runPassword();
    harness.twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
    expect(user.text()).toContain('We could not send the SMS');
    expect(await auditActions(user.id)).toContain('password-reset.code-sent failed');
  });

  it('tells the person when Slack itself fails to answer', async () => {
    const { user } = await newPerson();
    await user.openMenu();
    harness.slack.failNext('users.info', 'internal_error');
    await user.choose('Forgot my password');
    expect(user.text()).toContain('Something went wrong on our side');
    expect(await auditActions(user.id)).toContain('password-reset.failed failed');
  });

  it('says to try again when the modal could not open in time', async () => {
    const { user } = await newPerson();
    harness.slack.failNext('views.open', 'expired_trigger_id');
    await harness.driver.slashCommand(user.id, '/password');
    const note = await harness.slack.waitForMessage(user.id);
    expect(note.text).toContain('Please run /password again');
    expect(await auditActions(user.id)).toContain('password-menu.modal-failed failed');
  });
});
