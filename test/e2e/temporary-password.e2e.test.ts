import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Attribute, Change } from 'ldapts';
import type { TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SambaServer, connectSamba } from '../harness/samba';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { buttonByText, fillByLabel } from '../harness/slack-driver';
import { SlackUser, codeIn } from './slack-user';

/**
 * `/temp-password` end to end, once per directory flavour: an operator who knows only the
 * configuration contract (HELPDESK_USERS, HELPDESK_PROTECTED_GROUPS, HELPDESK_LOG_CHANNEL) walks
 * the modal by its English labels; the real Bolt app, twilio SDK and nodemailer talk to fakes,
 * and the directory is a real slapd / Samba AD DC. The person then logs in as the directory sees it.
 */

const OPERATOR = 'U0OLGA';
const LOG_CHANNEL = 'C0HELPLOG';
const PERSON = 'Person in Slack';
const QUERY = 'Or their username or email';
const ACCOUNTS = 'Set a temporary password on';
const VERIFY = 'How did you verify the caller?';
const IN_PERSON = 'Identity document checked in person';
const CALL_BACK = 'Called back on the registered phone';
const SMS_CODE = 'Code sent by SMS, read back by the caller';
const TICKET = 'Ticket reference';
const DELIVERY = 'How will the person get the password?';
const SHOW = 'Show it to me once, here, to read out';
const BY_SMS = 'SMS to the registered phone';
const BY_DM = 'Slack direct message to the person';
const CODE = 'Code the caller reads back';
const LOCKED = 'Locked accounts';
const UNLOCK = 'Also unlock the locked accounts';

interface Flavour {
  launch(): Promise<TestDirectoryServer>;
  /** A protected group outside the people subtree, with `members`; returns its DN. */
  addGroup(server: TestDirectoryServer, members: string[]): Promise<string>;
  /** Marks an account administrative the way the directory does (AD adminCount); undefined where there is none. */
  markAdministrative?(server: TestDirectoryServer, dn: string): Promise<void>;
}

const flavours: [string, Flavour][] = [
  ['OpenLDAP', {
    launch: startSlapd,
    addGroup: (server, members) => (server as SlapdServer).addGroup(`protected-${randomBytes(3).toString('hex')}`, members),
  }],
  ['Active Directory', {
    launch: connectSamba,
    addGroup: (server, members) => (server as SambaServer).addGroup(`hd-prot-${randomBytes(3).toString('hex')}`, members),
    markAdministrative: (server, dn) => (server as SambaServer).asAdministrator((client) =>
      client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'adminCount', values: ['1'] }) }))),
  }],
];

describe.each(flavours)('/temp-password on %s', (_flavour, flavour) => {
  let directory: TestDirectoryServer;
  let serial = 0;
  const tag = () => `h${(serial += 1)}${randomBytes(2).toString('hex')}`;

  beforeAll(async () => {
    directory = await flavour.launch();
  }, 120_000);
  afterAll(async () => {
    await directory?.stop();
  });

  /** A passdesk of its own for one test, with an operator and the person(s) in Slack. */
  async function withHelpDesk(
    env: Record<string, string>,
    test: (context: { harness: PassdeskUnderTest; operator: SlackUser; people: SeededPeople; personId: string }) => Promise<void>,
  ): Promise<void> {
    const people = await seedPeople(directory, { tag: tag() });
    const harness = await startPassdeskUnderTest({
      directory,
      env: { HELPDESK_USERS: OPERATOR, HELPDESK_LOG_CHANNEL: LOG_CHANNEL, ...env },
    });
    const personId = `UJAN${serial}`;
    harness.slack.setUser(OPERATOR, { real_name: 'Olga Operator', email: 'olga@uni.example' });
    harness.slack.setUser(personId, { real_name: 'Jan Kowalski', email: people.staff.mail, locale: 'pl-PL' });
    try {
      await test({ harness, operator: new SlackUser(harness, OPERATOR), people, personId });
    } finally {
      await harness.stop();
    }
  }

  /** The option texts of the accounts with these usernames, as the operator reads them. */
  function accountOptions(operator: SlackUser, ...usernames: string[]): string[] {
    const options = operator.options(ACCOUNTS);
    return usernames.map((username) => {
      const found = options.find((option) => option.startsWith(`${username} (`));
      if (!found) throw new Error(`no account option for ${username} among ${options.join(' | ')}`);
      return found;
    });
  }

  function shownPassword(operator: SlackUser): string {
    const match = /```([^`]+)```/.exec(operator.text());
    if (!match) throw new Error(`no password shown in: ${operator.text()}`);
    return match[1];
  }

  it('shows the password once to read out; both linked accounts must change it; the person is told; the log channel gets a line', async () => {
    await withHelpDesk({}, async ({ harness, operator, people, personId }) => {
      await operator.runCommand('/temp-password', people.staff.username);
      const listed = operator.text();
      expect(listed).toContain(people.staff.username);
      expect(listed).toContain(people.student.username);
      expect(listed).toContain('phone registered');
      expect(listed).toMatch(/password set [A-Z][a-z]+ \d{1,2}, \d{4}/);
      expect(listed).toMatch(/expires [A-Z][a-z]+ \d{1,2}, \d{4}/);

      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.staff.username, people.student.username)],
        [VERIFY, IN_PERSON], [TICKET, 'INC-1001'], [DELIVERY, SHOW],
      ]);
      const password = shownPassword(operator);
      expect(operator.text()).toContain('shown only this once');
      expect(password).toMatch(/^([A-Z][a-z]{3}-){4}\d{2}$/);

      for (const account of [people.staff, people.student]) {
        expect(await directory.loginState(account.dn, password)).toBe('must-change');
        expect(await directory.canBind(account.dn, account.password)).toBe(false);
      }
      const dm = await harness.slack.waitForMessage(personId);
      expect(dm.text).toContain('Olga Operator');
      expect(dm.text).not.toContain(password);
      expect(buttonByText(dm, 'To nie ja').actionId).toBe('password-changed.not-me');
      const mails = await waitForMails(harness, 2);
      expect(mails.flatMap((mail) => mail.to).sort()).toEqual([people.staff.mail, people.student.mail].sort());
      for (const mail of mails) expect(mail.text).not.toContain(password);

      const post = await harness.slack.waitForMessage((message) => message.channel === LOG_CHANNEL);
      expect(post.text).toContain(`<@${OPERATOR}>`);
      expect(post.text).toContain('INC-1001');
      expect(post.text).toContain(people.staff.username);
      expect(post.text).not.toContain(password);

      // The person's own change (their bind with old and new) ends the must-change state.
      await directory.changeOwnPassword(people.staff.dn, password, 'Own-Choice-Quiet-77');
      expect(await directory.loginState(people.staff.dn, 'Own-Choice-Quiet-77')).toBe('ok');
    });
  });

  it('calls back, then sends the password by SMS; the shortcut and a typed email find the person', async () => {
    await withHelpDesk({}, async ({ harness, operator, people }) => {
      await operator.runShortcut('temporary-password');
      await operator.submit([[QUERY, people.student.mail]]);
      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.student.username)], [VERIFY, CALL_BACK], [DELIVERY, BY_SMS],
      ]);
      expect(operator.text()).toContain(JAN_PHONE);
      const sent = harness.twilio.messages.length;
      await operator.submit([]);

      expect(operator.text()).toContain('sent by SMS to the phone number ending in 00');
      expect(operator.text()).not.toMatch(/```/);
      const sms = harness.twilio.messages[sent];
      expect(sms.to).toBe(JAN_PHONE);
      const password = /: (\S+)\. /.exec(sms.body)?.[1] ?? '';
      expect(await directory.loginState(people.student.dn, password)).toBe('must-change');
      expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
    });
  });

  it('checks the code the caller reads back: a wrong one blocks the reset, the right one allows it; the DM carries the password', async () => {
    await withHelpDesk({}, async ({ harness, operator, people, personId }) => {
      await operator.runShortcut('temporary-password');
      await operator.submit([[PERSON, personId]]);
      const sent = harness.twilio.messages.length;
      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.staff.username)], [VERIFY, SMS_CODE], [DELIVERY, BY_DM],
      ]);
      const code = codeIn(harness.twilio.messages[sent].body);
      const wrong = code === '000000' ? '111111' : '000000';

      await operator.submit([[CODE, wrong]]);
      expect(operator.text()).toContain('That code is not right. 4 tries left.');
      expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);

      await operator.submit([[CODE, code]]);
      expect(operator.text()).toContain('sent to the person in a Slack direct message');
      const dm = await harness.slack.waitForMessage(personId);
      const password = /: (\S+)$/.exec(dm.text ?? '')?.[1] ?? '';
      expect(await directory.loginState(people.staff.dn, password)).toBe('must-change');
      const mails = await waitForMails(harness, 1);
      expect(mails[0].text).not.toContain(password);
    });
  });

  it('refuses someone who is not an operator, in words, records it, and changes nothing', async () => {
    await withHelpDesk({}, async ({ harness, people }) => {
      harness.slack.setUser('U0MALLORY', { real_name: 'Mallory', email: 'mallory@uni.example' });
      const mallory = new SlackUser(harness, 'U0MALLORY');
      await mallory.runCommand('/temp-password', people.staff.username);
      expect(mallory.text()).toContain('Only help-desk operators may issue temporary passwords');
      expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
      const post = await harness.slack.waitForMessage((message) => message.channel === LOG_CHANNEL);
      expect(post.text).toContain('<@U0MALLORY>');
      expect(post.text).toContain('not-operator');
      expect(harness.logs.some((line) => line.includes('temporary-password.refused') && line.includes('U0MALLORY'))).toBe(true);
    });
  });

  it('refuses a member of a protected group, naming why, and leaves the account unchanged', async () => {
    const admins = await seedPeople(directory, { tag: tag() });
    const group = await flavour.addGroup(directory, [admins.noPhone.dn, admins.staff.dn]);
    await withHelpDesk({ HELPDESK_PROTECTED_GROUPS: group }, async ({ operator }) => {
      await operator.runCommand('/temp-password', admins.noPhone.username);
      const text = operator.text();
      expect(text).toContain('None of these accounts can get a temporary password from the help desk');
      expect(text).toContain('it is a member of the protected group');
      expect(operator.labels()).toEqual([]);
      expect(await directory.canBind(admins.noPhone.dn, admins.noPhone.password)).toBe(true);

      // A protected account is listed with its reason, but not offered; the person's other account is.
      await operator.runCommand('/temp-password', admins.staff.username);
      expect(operator.text()).toContain('it is a member of the protected group');
      expect(operator.options(ACCOUNTS)).toEqual([expect.stringMatching(new RegExp(`^${admins.student.username} `))]);
    });
  });

  if (flavour.markAdministrative) {
    const markAdministrative = flavour.markAdministrative;
    it('refuses an administrative account (adminCount=1) and leaves it unchanged', async () => {
      const admin = await seedPeople(directory, { tag: tag() });
      await markAdministrative(directory, admin.noPhone.dn);
      await withHelpDesk({}, async ({ operator }) => {
        await operator.runCommand('/temp-password', admin.noPhone.username);
        expect(operator.text()).toContain('it is an administrative account (adminCount)');
        expect(await directory.canBind(admin.noPhone.dn, admin.noPhone.password)).toBe(true);
      });
    });
  }

  it('refuses a disabled account in words', async () => {
    await withHelpDesk({}, async ({ operator, people }) => {
      await operator.runCommand('/temp-password', people.disabled.username);
      expect(operator.text()).toContain('None of these accounts can get a temporary password');
      expect(operator.text()).toContain('disabled');
      expect(operator.labels()).toEqual([]);
    });
  });

  it('shows the password once: it is in no stored flow, and the finished request gives it to no one again', async () => {
    await withHelpDesk({}, async ({ harness, operator, people }) => {
      await operator.runCommand('/temp-password', people.noPhone.username);
      const choose = operator.view();
      const answers: [string, string | string[]][] = [
        [ACCOUNTS, accountOptions(operator, people.noPhone.username)], [VERIFY, IN_PERSON], [DELIVERY, SHOW],
      ];
      await operator.submit(answers);
      const password = shownPassword(operator);

      // The same submission again (a replay, or a second click) is told the request is over.
      const since = harness.slack.calls.length;
      await harness.driver.submitView(OPERATOR, choose, fillByLabels(choose, answers));
      expect(operator.text()).toContain('expired or was already finished');
      expect(operator.text()).not.toContain(password);
      expect(JSON.stringify(harness.slack.calls.slice(since))).not.toContain(password);
      expect(readFileSync(harness.env.DATABASE_URL.replace(/^sqlite:/, '')).includes(password)).toBe(false);
    });
  });

  it('keeps the limits across a restart: per account per day, per operator per hour', async () => {
    await withHelpDesk({ LIMIT_HELPDESK_PER_TARGET_PER_DAY: '1', LIMIT_HELPDESK_PER_OPERATOR_PER_HOUR: '2' }, async ({ harness, operator, people }) => {
      const issue = async (username: string) => {
        await operator.runCommand('/temp-password', username);
        await operator.submit([[ACCOUNTS, accountOptions(operator, username)], [VERIFY, IN_PERSON], [DELIVERY, SHOW]]);
      };
      await issue(people.noPhone.username);
      expect(operator.text()).toContain('A temporary password is set');
      await harness.restart();

      await issue(people.noPhone.username);
      expect(operator.text()).toContain('This account has had the most temporary passwords allowed in a day');

      await issue(people.student.username);
      expect(operator.text()).toContain('A temporary password is set');
      await harness.restart();
      await operator.runCommand('/temp-password', people.staff.username);
      await operator.submit([[ACCOUNTS, accountOptions(operator, people.staff.username)], [VERIFY, IN_PERSON], [DELIVERY, SHOW]]);
      expect(operator.text()).toContain('You have issued the most temporary passwords allowed in an hour');
      expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
    });
  });

  it('leaves a locked account locked unless the operator ticks unlock, which is recorded on its own', async () => {
    await withHelpDesk({}, async ({ harness, operator, people }) => {
      for (const account of [people.staff, people.student]) {
        for (let attempt = 0; attempt < 5; attempt += 1) await directory.canBind(account.dn, `Wrong-Guess-${attempt}x!`);
      }
      await operator.runCommand('/temp-password', people.staff.username);
      expect(operator.text()).toContain('locked');
      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.staff.username)], [VERIFY, IN_PERSON], [DELIVERY, SHOW],
      ]);
      const kept = shownPassword(operator);
      expect(operator.text()).toContain('Still locked');
      expect(await directory.loginState(people.staff.dn, kept)).toBe('refused');

      await operator.runCommand('/temp-password', people.student.username);
      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.student.username)], [VERIFY, IN_PERSON], [DELIVERY, SHOW], [LOCKED, [UNLOCK]],
      ]);
      const unlocked = shownPassword(operator);
      expect(operator.text()).toContain(`Unlocked: ${people.student.username}`);
      expect(await directory.loginState(people.student.dn, unlocked)).toBe('must-change');
      const unlockEvents = harness.logs.filter((line) => line.includes('"action":"temporary-password.unlocked"'));
      expect(unlockEvents).toHaveLength(1);
      expect(unlockEvents[0]).toContain(people.student.dn);
    });
  });

  it('at LOG_LEVEL=debug, leaves the temporary password and the phone in no log line, audit event or channel post', async () => {
    await withHelpDesk({ LOG_LEVEL: 'debug' }, async ({ harness, operator, people }) => {
      await operator.runCommand('/temp-password', people.staff.username);
      const sent = harness.twilio.messages.length;
      await operator.submit([
        [ACCOUNTS, accountOptions(operator, people.staff.username, people.student.username)],
        [VERIFY, SMS_CODE], [TICKET, 'INC-77'], [DELIVERY, SHOW],
      ]);
      const code = codeIn(harness.twilio.messages[sent].body);
      await operator.submit([[CODE, code]]);
      const password = shownPassword(operator);

      const logs = harness.logs.join('\n');
      expect(logs).toContain('temporary-password.issued');
      for (const secret of [password, code, JAN_PHONE, JAN_PHONE.slice(1)]) expect(logs).not.toContain(secret);
      const posts = JSON.stringify(harness.slack.messages.filter((message) => message.channel === LOG_CHANNEL));
      expect(posts).toContain('INC-77');
      for (const secret of [password, JAN_PHONE]) expect(posts).not.toContain(secret);
    });
  });
});

function fillByLabels(view: { blocks: unknown[] }, answers: [string, string | string[]][]) {
  return fillByLabel(view, Object.fromEntries(answers));
}

async function waitForMails(harness: PassdeskUnderTest, count: number) {
  const deadline = Date.now() + 5000;
  while (harness.smtp.messages.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${harness.smtp.messages.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return harness.smtp.messages;
}
