import type { PassdeskUnderTest } from '../harness/passdesk-under-test';
import { startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser } from './slack-user';

/** Who reaches the help desk, in which language, and what happens when no modal can open. */

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

async function withPassdesk(env: Record<string, string>, test: (harness: PassdeskUnderTest) => Promise<void>): Promise<void> {
  const harness = await startPassdeskUnderTest({ directory: slapd, env });
  try {
    await test(harness);
  } finally {
    await harness.stop();
  }
}

describe('who may use the help desk', () => {
  it('says it is off when neither HELPDESK_USERS nor HELPDESK_USERGROUP is set', async () => {
    await withPassdesk({}, async (harness) => {
      harness.slack.setUser('U0ANYONE', { email: 'anyone@uni.example' });
      const user = new SlackUser(harness, 'U0ANYONE');
      await user.runCommand('/temp-password');
      expect(user.text()).toContain('The help desk is not set up in passdesk');
    });
  });

  it('lets members of HELPDESK_USERGROUP in (usergroups.users.list), and refuses the others', async () => {
    await withPassdesk({ HELPDESK_USERGROUP: 'S0HELPDESK' }, async (harness) => {
      const people = await seedPeople(slapd, { tag: 'grp' });
      harness.slack.setUserGroup('S0HELPDESK', ['U0GROUPOP']);
      harness.slack.setUser('U0GROUPOP', { real_name: 'Gino Gruppo', email: 'gino@uni.example' });
      harness.slack.setUser('U0OUTSIDER', { email: 'out@uni.example' });

      const member = new SlackUser(harness, 'U0GROUPOP');
      await member.runCommand('/temp-password', people.noPhone.username);
      expect(member.labels()).toContain('Set a temporary password on');

      const outsider = new SlackUser(harness, 'U0OUTSIDER');
      await outsider.runCommand('/temp-password', people.noPhone.username);
      expect(outsider.text()).toContain('Only help-desk operators may issue temporary passwords');
      const reads = harness.slack.calls.filter((call) => call.method === 'usergroups.users.list');
      expect(reads.map((call) => call.args.usergroup)).toEqual(['S0HELPDESK']);
    });
  });
});

describe('finding the person', () => {
  it('says when nobody matches, and treats filter syntax as plain text', async () => {
    await withPassdesk({ HELPDESK_USERS: 'U0FIND' }, async (harness) => {
      harness.slack.setUser('U0FIND', { email: 'find@uni.example' });
      const operator = new SlackUser(harness, 'U0FIND');
      await operator.runCommand('/temp-password', 'nosuchperson');
      expect(operator.text()).toContain('No account found for nosuchperson.');
      expect(operator.labels()).toEqual(['Person in Slack', 'Or their username or email']);

      await operator.submit([['Or their username or email', '*)(uid=*']]);
      expect(operator.text()).toContain('No account found for *)(uid=*.');
      await operator.submit([]);
      expect(operator.text()).toContain('Choose a person in Slack, or type a username or an email.');
    });
  });

  it('takes a mention in the command (as Slack escapes it) and finds that member\'s accounts by their confirmed email', async () => {
    await withPassdesk({ HELPDESK_USERS: 'U0FIND' }, async (harness) => {
      const people = await seedPeople(slapd, { tag: 'men' });
      harness.slack.setUser('U0FIND', { email: 'find@uni.example' });
      harness.slack.setUser('U0ANNA', { email: people.noPhone.mail });
      harness.slack.setUser('U0UNCONFIRMED', { email: people.staff.mail, is_email_confirmed: false });
      const operator = new SlackUser(harness, 'U0FIND');
      await operator.runCommand('/temp-password', '<@U0ANNA|anna>');
      expect(operator.text()).toContain(people.noPhone.username);

      await operator.runCommand('/temp-password', '<@U0UNCONFIRMED|jan>');
      expect(operator.text()).toContain('has no confirmed email address');
      expect(operator.text()).not.toContain(people.staff.username);
    });
  });
});

describe('where SMS may go', () => {
  it('refuses a code or a password by SMS to a phone outside SMS_ALLOWED_COUNTRIES, before anything is sent or set', async () => {
    await withPassdesk({ HELPDESK_USERS: 'U0SMS', SMS_ALLOWED_COUNTRIES: 'IT' }, async (harness) => {
      const people = await seedPeople(slapd, { tag: 'cty' });
      harness.slack.setUser('U0SMS', { email: 'sms@uni.example' });
      const operator = new SlackUser(harness, 'U0SMS');
      await operator.runCommand('/temp-password', people.staff.username);
      const staffOption = operator.options('Set a temporary password on').find((option) => option.startsWith(`${people.staff.username} `))!;
      await operator.submit([
        ['Set a temporary password on', [staffOption]],
        ['How did you verify the caller?', 'Code sent by SMS, read back by the caller'],
        ['How will the person get the password?', 'SMS to the registered phone'],
      ]);
      expect(operator.text()).toContain('SMS to this phone number\'s country are not allowed here');
      expect(harness.twilio.messages).toHaveLength(0);
      expect(await slapd.canBind(people.staff.dn, people.staff.password)).toBe(true);
    });
  });
});

describe('the operator\'s language', () => {
  it.each([
    ['pl-PL', 'Hasło tymczasowe', 'Osoba w Slacku', 'Albo nazwa użytkownika lub e-mail'],
    ['it-IT', 'Password temporanea', 'Persona in Slack', 'Oppure nome utente o email'],
  ])('speaks %s', async (locale, title, personLabel, queryLabel) => {
    await withPassdesk({ HELPDESK_USERS: 'U0LANG' }, async (harness) => {
      harness.slack.setUser('U0LANG', { email: 'lang@uni.example', locale });
      const operator = new SlackUser(harness, 'U0LANG');
      await operator.runShortcut('temporary-password');
      expect(operator.view().title?.text).toBe(title);
      expect(operator.labels()).toEqual([personLabel, queryLabel]);
    });
  });
});

describe('when no modal can open', () => {
  it('answers the command with an ephemeral note to try again', async () => {
    await withPassdesk({ HELPDESK_USERS: 'U0LATE' }, async (harness) => {
      harness.slack.setUser('U0LATE', { email: 'late@uni.example' });
      harness.slack.failNext('views.open', 'expired_trigger_id');
      const since = harness.slack.calls.length;
      await harness.driver.slashCommand('U0LATE', '/temp-password', 'someone');
      const reply = await harness.slack.waitForCall('response_url', { since });
      expect(reply.args).toMatchObject({ response_type: 'ephemeral' });
      expect(String(reply.args.text)).toContain('took too long to open. Please run /temp-password again');
    });
  });
});
