import type { TestAccountSpec, TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { connectSamba } from '../harness/samba';
import { startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/**
 * Whose account a confirmed Slack email reaches, and whose phone may prove it: once per directory
 * flavour, through the real Bolt app, as a person reading the modal's (English) labels.
 */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const GENEROUS_LIMITS = { LIMIT_FLOWS_PER_DAY: '1000', LIMIT_SMS_PER_HOUR: '1000', LIMIT_WRONG_ANSWERS_PER_HOUR: '1000' };

const flavours: [string, () => Promise<TestDirectoryServer>][] = [
  ['OpenLDAP', startSlapd],
  ['Active Directory', connectSamba],
];

describe.each(flavours)('whose account, on %s', (flavour, launchDirectory) => {
  let directory: TestDirectoryServer;
  let harness: PassdeskUnderTest;
  let serial = 0;

  beforeAll(async () => {
    directory = await launchDirectory();
    harness = await startPassdeskUnderTest({ directory, env: GENEROUS_LIMITS });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await directory?.stop();
  });

  /** A unique tag for this test's entries on the shared server (AD usernames: at most 20 characters). */
  function nextTag(): string {
    serial += 1;
    return `${flavour === 'OpenLDAP' ? 'wo' : 'wa'}${serial}${Date.now() % 10_000}`;
  }

  async function addAccount(tag: string, name: string, spec: Partial<TestAccountSpec>): Promise<TestAccountSpec & { dn: string }> {
    const full: TestAccountSpec = {
      username: `${tag}${name}`,
      mail: `${tag}.${name}@uni.example`,
      password: 'Start-Password-2024!',
      givenName: 'Maria',
      sn: 'Rossi',
      ...spec,
    };
    return { ...full, dn: await directory.addAccount(full) };
  }

  function slackUserWith(email: string, tag: string): SlackUser {
    const userId = `U${tag.toUpperCase()}`;
    harness.slack.setUser(userId, { email, locale: 'en-US' });
    return new SlackUser(harness, userId);
  }

  function auditOf(userId: string): { action: string; result: string; detail?: Record<string, unknown> }[] {
    return harness.logs
      .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; result: string; detail?: Record<string, unknown> } })
      .flatMap((entry) => (entry.audit?.actor.endsWith(`:${userId}`) ? [entry.audit] : []));
  }

  describe('whose phone proves whose account', () => {
    /** One person: a staff account and a linked student account, each with its own mail and phone. */
    async function staffAndStudent(phones: { staff?: string; student?: string }) {
      const tag = nextTag();
      const staff = await addAccount(tag, 'st', { phone: phones.staff, linkValue: `${tag}L` });
      const student = await addAccount(tag, 'su', { phone: phones.student, linkValue: `${tag}L` });
      return { tag, staff, student };
    }

    it('sends the code to the phone of the account that matched the email, and says whose it is', async () => {
      const { tag, staff, student } = await staffAndStudent({ staff: '+48600222001', student: '+48600222002' });
      const user = slackUserWith(student.mail, tag);

      await user.runPassword();
      expect(user.text()).toContain(`the phone registered on the account of ${tag[0]}***u@uni.example`);
      expect(user.text()).not.toContain(student.username);
      // The staff phone's ending does not pass for the student account's.
      await user.submit([[PHONE_DIGITS, '001'], user.challenge()]);
      expect(user.text()).toContain('These answers do not match our records');

      const since = harness.twilio.messages.length;
      await user.submit([[PHONE_DIGITS, '002'], user.challenge()]);
      await nextSmsCode(harness, since);
      expect(harness.twilio.messages.slice(since).map((message) => message.to)).toEqual(['+48600222002']);
      expect(user.text()).toContain(`ending in 02, registered on the account ${student.username}`);
      expect(user.text()).toContain(staff.username);
    });

    it("does not let a linked account's phone authorise the account that matched the email", async () => {
      const { tag, staff } = await staffAndStudent({ student: '+48600222003' });
      const user = slackUserWith(staff.mail, tag);
      const sent = harness.twilio.messages.length;

      await user.runPassword();

      expect(user.text()).toContain('no phone number registered');
      expect(user.labels()).toEqual([]);
      expect(harness.twilio.messages.length).toBe(sent);
      expect(auditOf(user.id)).toContainEqual(expect.objectContaining({
        action: 'password-reset.refused', detail: expect.objectContaining({ reason: 'no-phone' }),
      }));
    });

    it('lets it when RESET_LINKED_ACCOUNTS_SHARE_PHONE says linked accounts share one phone', async () => {
      const sharing = await startPassdeskUnderTest({
        directory, env: { ...GENEROUS_LIMITS, RESET_LINKED_ACCOUNTS_SHARE_PHONE: 'true' },
      });
      try {
        const { tag, staff, student } = await staffAndStudent({ student: '+48600222004' });
        sharing.slack.setUser(`U${tag.toUpperCase()}`, { email: staff.mail, locale: 'en-US' });
        const user = new SlackUser(sharing, `U${tag.toUpperCase()}`);

        await user.runPassword();
        expect(user.text()).toContain(`the phone registered on the account of ${tag[0]}***u@uni.example`);
        await user.submit([[PHONE_DIGITS, '004'], user.challenge()]);
        await nextSmsCode(sharing, 0);
        expect(sharing.twilio.messages.map((message) => message.to)).toEqual(['+48600222004']);
        expect(user.text()).toContain(`registered on the account ${student.username}`);
      } finally {
        await sharing.stop();
      }
    });
  });

  describe('a mail address that matches two people is nobody\'s', () => {
    it.each([
      ['two different link values', [`L1`, `L2`]],
      ['one link value and none', [`L1`, undefined]],
    ])('with %s: no SMS, nothing changed, the help desk, audited', async (_case, links) => {
      const tag = nextTag();
      const shared = `${tag}.m.rossi@uni.example`;
      const first = await addAccount(tag, 'a', { mail: shared, phone: '+48600111001', linkValue: links[0] && `${tag}${links[0]}` });
      const second = await addAccount(tag, 'b', { mail: shared, phone: '+48600111002', linkValue: links[1] && `${tag}${links[1]}` });
      const user = slackUserWith(shared, tag);
      const sent = harness.twilio.messages.length;

      await user.runPassword();

      expect(user.text()).toContain('Your email address belongs to more than one person');
      expect(user.text()).toContain('the IT help desk (#it-help)');
      for (const account of [first, second]) expect(user.text()).not.toContain(account.username);
      expect(user.labels()).toEqual([]);
      expect(harness.twilio.messages.length).toBe(sent);
      expect(auditOf(user.id)).toContainEqual(expect.objectContaining({
        action: 'password-reset.refused', result: 'refused', detail: expect.objectContaining({ reason: 'ambiguous-mail' }),
      }));
      expect(await directory.canBind(first.dn, first.password)).toBe(true);
      expect(await directory.canBind(second.dn, second.password)).toBe(true);
    });

    it('still serves one person whose two accounts share the mail and are linked', async () => {
      const tag = nextTag();
      const shared = `${tag}.m.rossi@uni.example`;
      const staff = await addAccount(tag, 'a', { mail: shared, phone: '+48600111003', linkValue: `${tag}L1` });
      const student = await addAccount(tag, 'b', { mail: shared, phone: '+48600111003', linkValue: `${tag}L1` });
      const user = slackUserWith(shared, tag);

      await user.runPassword();
      const since = harness.twilio.messages.length;
      await user.submit([[PHONE_DIGITS, '003'], user.challenge()]);
      await nextSmsCode(harness, since);
      expect(user.labels()).toEqual([CODE]);
      expect(user.text()).toContain(staff.username);
      expect(user.text()).toContain(student.username);
    });
  });
});
