import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import type { TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SeededPeople, JAN_PHONE, seedPeople } from '../harness/people';
import { type SambaServer, connectSamba } from '../harness/samba';
import { startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/**
 * `/password` end to end, once per directory flavour: the real Bolt app over signed HTTP, the real
 * twilio SDK and nodemailer against fakes, and a real slapd / Samba AD domain controller.
 * The user is driven by the modal's visible (English) labels only.
 */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const CHOSEN = 'Quiet-Harbour-58;Lamp';

interface Flavour {
  launch(): Promise<TestDirectoryServer>;
  /** Rules the directory publishes, which passdesk reads at start and adds to the checklist. */
  directoryRules: string[];
  /** Makes the directory itself refuse CHOSEN for `dn`; returns what the person is then told. */
  makeServerRefuse(harness: PassdeskUnderTest, directory: TestDirectoryServer, dn: string): Promise<string>;
}

const flavours: [string, Flavour][] = [
  ['OpenLDAP', {
    launch: startSlapd,
    directoryRules: ['Not one of your last 5 passwords'],
    // ppolicy keeps a history: set CHOSEN once and move on, and the server refuses it next time.
    async makeServerRefuse(harness, _directory, dn) {
      const adapter = createDirectory(loadConfig(harness.env).ldap, systemClock);
      await adapter.resetPassword(dn, CHOSEN);
      await adapter.resetPassword(dn, 'Interim-Passw0rd;Kite');
      return 'It was used recently';
    },
  }],
  ['Active Directory', {
    launch: connectSamba,
    directoryRules: ['Not one of your last 5 passwords', 'Characters of at least three kinds'],
    // Samba 4.17 enforces no history on an administrative reset (it lacks the policy hints
    // control), so a fine-grained policy demanding 30 characters makes the DC refuse instead.
    async makeServerRefuse(_harness, directory, dn) {
      const name = dn.split(',')[0].replace(/^CN=/i, '');
      await (directory as SambaServer).asAdministrator((client) => client.add(
        `CN=pso-${name},CN=Password Settings Container,CN=System,DC=uni,DC=example`,
        {
          objectClass: 'msDS-PasswordSettings',
          'msDS-PasswordSettingsPrecedence': '10',
          'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
          'msDS-PasswordHistoryLength': '5',
          'msDS-PasswordComplexityEnabled': 'TRUE',
          'msDS-MinimumPasswordLength': '30',
          'msDS-MinimumPasswordAge': '0',
          'msDS-MaximumPasswordAge': '-864000000000000',
          'msDS-LockoutThreshold': '0',
          'msDS-LockoutObservationWindow': '-18000000000',
          'msDS-LockoutDuration': '-18000000000',
          'msDS-PSOAppliesTo': dn,
        },
      ));
      return 'shorter than the directory allows';
    },
  }],
];

describe.each(flavours)('/password on %s', (flavour, { launch: launchDirectory, directoryRules, makeServerRefuse }) => {
  let directory: TestDirectoryServer;
  let harness: PassdeskUnderTest;
  let serial = 0;

  beforeAll(async () => {
    directory = await launchDirectory();
    harness = await startPassdeskUnderTest({
      directory,
      // The journey people share one phone number; limits have their own test.
      env: { LIMIT_FLOWS_PER_DAY: '1000', LIMIT_SMS_PER_HOUR: '1000', LIMIT_WRONG_ANSWERS_PER_HOUR: '1000' },
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await directory?.stop();
  });

  /** A fresh person (unique accounts on the shared server) and their Slack user. */
  async function newPerson(options: { slackEmail?: (people: SeededPeople) => string; locale?: string } = {}) {
    serial += 1;
    const tag = `${flavour === 'OpenLDAP' ? 'o' : 'a'}${serial}${Date.now() % 1000}`;
    const people = await seedPeople(directory, { tag });
    const userId = `U${tag.toUpperCase()}`;
    harness.slack.setUser(userId, {
      email: options.slackEmail ? options.slackEmail(people) : people.staff.mail,
      locale: options.locale ?? 'en-US',
    });
    return { people, user: new SlackUser(harness, userId) };
  }

  async function passIdentity(user: SlackUser): Promise<string> {
    const since = harness.twilio.messages.length;
    await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
    return nextSmsCode(harness, since);
  }

  it('changes the password of both linked accounts, then tells the person by DM and mail', async () => {
    const { people, user } = await newPerson();
    await user.runPassword();
    expect(user.text()).not.toContain(people.staff.mail);

    const code = await passIdentity(user);
    expect(harness.twilio.messages.at(-1)?.to).toBe(JAN_PHONE);
    expect(user.text()).toContain('ending in 00');
    // The accounts are listed once the person has passed the identity check.
    expect(user.text()).toContain(people.staff.username);
    expect(user.text()).toContain(people.student.username);
    expect(user.text()).not.toContain(people.staff.mail);

    await user.submit([[CODE, code]]);
    expect(user.labels()).toEqual([NEW_PASSWORD, AGAIN]);
    expect(user.text()).toContain('At least 12 characters');
    // The directory's own settings, read at start, are in the checklist.
    for (const rule of directoryRules) expect(user.text()).toContain(rule);
    expect(user.text()).toContain('Slack cannot hide what you type');

    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain('Your password has been changed for');
    expect(user.text()).toContain('Office 365 may take a few minutes');

    expect(await directory.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await directory.canBind(people.student.dn, CHOSEN)).toBe(true);
    expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(false);
    expect(await directory.canBind(people.student.dn, people.student.password)).toBe(false);

    const dm = await harness.slack.waitForMessage(user.id);
    expect(dm.text).toContain('Your password was changed');
    const mail = await harness.smtp.waitForMessage(people.staff.mail);
    expect(mail.subject).toBe('Your university password was changed');
    await harness.smtp.waitForMessage(people.student.mail);
    for (const text of [dm.text ?? '', mail.text]) {
      expect(text).not.toContain(CHOSEN);
      expect(text).not.toContain(code);
    }
  });

  it('starts from either linked account: the student mail finds the staff account too', async () => {
    const { people, user } = await newPerson({ slackEmail: (p) => p.student.mail });
    await user.runPassword();
    await passIdentity(user);
    expect(user.text()).toContain(people.staff.username);
    expect(user.text()).toContain(people.student.username);
  });

  it('refuses a disabled account without sending an SMS', async () => {
    const { user } = await newPerson({ slackEmail: (p) => p.disabled.mail });
    const sent = harness.twilio.messages.length;
    await user.runPassword();
    expect(user.text()).toContain('Your account is disabled');
    expect(user.text()).toContain('the IT help desk (#it-help)');
    expect(user.labels()).toEqual([]);
    expect(harness.twilio.messages.length).toBe(sent);
  });

  it('refuses an account without a registered phone', async () => {
    const { user } = await newPerson({ slackEmail: (p) => p.noPhone.mail });
    await user.runPassword();
    expect(user.text()).toContain('no phone number registered');
    expect(user.labels()).toEqual([]);
  });

  it('names every unmet rule and changes nothing until the password passes', async () => {
    const { people, user } = await newPerson();
    await user.runPassword();
    const code = await passIdentity(user);
    await user.submit([[CODE, code]]);

    await user.submit([[NEW_PASSWORD, 'short1'], [AGAIN, 'short1']]);
    const refusal = user.view().shownErrors?.new_password ?? '';
    expect(refusal).toContain('At least 12 characters');
    expect(refusal).toContain('At least one upper-case letter');
    expect(refusal).toContain('At least one of these special characters');
    expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);

    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, `${CHOSEN}x`]]);
    expect(user.view().shownErrors?.confirm_password).toContain('not the same');
    expect(await directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
  });

  it('sets a password as typed on a Mac (decomposed é) so that it binds as typed on Windows (composed é), untrimmed', async () => {
    const { people, user } = await newPerson();
    // The trailing space is part of the password: passwords are never trimmed.
    const decomposed = 'Cafe\u0301-Harbour-58;Lamp ';
    const composed = 'Caf\u00e9-Harbour-58;Lamp ';
    await user.runPassword();
    const code = await passIdentity(user);
    await user.submit([[CODE, code]]);
    await user.submit([[NEW_PASSWORD, decomposed], [AGAIN, decomposed]]);
    expect(user.text()).toContain('Your password has been changed for');
    for (const account of [people.staff, people.student]) {
      expect(await directory.canBind(account.dn, composed)).toBe(true);
      expect(await directory.canBind(account.dn, decomposed)).toBe(false);
      expect(await directory.canBind(account.dn, composed.trim())).toBe(false);
    }
  });

  it("shows the directory's own refusal as a policy message, and changes nothing", async () => {
    const { people, user } = await newPerson();
    const expected = await makeServerRefuse(harness, directory, people.staff.dn);
    await user.runPassword();
    const code = await passIdentity(user);
    await user.submit([[CODE, code]]);
    await user.submit([[NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.view().shownErrors?.new_password).toContain(expected);
    expect(await directory.canBind(people.student.dn, CHOSEN)).toBe(false);
    expect(await directory.canBind(people.student.dn, people.student.password)).toBe(true);
  });
});
