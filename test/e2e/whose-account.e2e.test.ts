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
