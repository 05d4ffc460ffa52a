import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/** SMS_ALLOWED_COUNTRIES: where a code may be sent (SMS pumping), end to end on OpenLDAP. */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NOT_SENT = 'Your registered phone number is in a country we do not send SMS codes to';

let slapd: SlapdServer;
let serial = 0;
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

/** Jan (phone +48…, Poland) with fresh accounts, as a Slack user in `locale`. */
async function jan(harness: PassdeskUnderTest, locale = 'en-US'): Promise<{ people: SeededPeople; user: SlackUser }> {
  serial += 1;
  const people = await seedPeople(slapd, { tag: `sms${serial}` });
  harness.slack.setUser(`USMS${serial}`, { email: people.staff.mail, locale });
  return { people, user: new SlackUser(harness, `USMS${serial}`) };
}

function auditOf(harness: PassdeskUnderTest, userId: string): { action: string; result: string; detail?: Record<string, unknown> }[] {
  return harness.logs
    .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; result: string; detail?: Record<string, unknown> } })
    .flatMap((entry) => (entry.audit?.actor.endsWith(`:${userId}`) ? [entry.audit] : []));
}

function startWarnings(harness: PassdeskUnderTest): string[] {
  return harness.logs
    .map((line) => JSON.parse(line) as { level?: string; setting?: string })
    .filter((entry) => entry.level === 'warn' && entry.setting === 'SMS_ALLOWED_COUNTRIES')
    .map((entry) => JSON.stringify(entry));
}

describe('SMS_ALLOWED_COUNTRIES', () => {
  it('never sends to Twilio a number outside the list: the person is told, and it is audited', async () => {
    await withPassdesk({ SMS_ALLOWED_COUNTRIES: 'IT' }, async (harness) => {
      const { people, user } = await jan(harness);
      await user.runPassword();
      await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);

      expect(user.text()).toContain(NOT_SENT);
      expect(user.text()).toContain('the IT help desk (#it-help)');
      expect(user.labels()).toEqual([]);
      expect(harness.twilio.messages).toHaveLength(0);
      expect(auditOf(harness, user.id)).toContainEqual({
        actor: expect.any(String), at: expect.any(String), requestId: expect.any(String),
        action: 'password-reset.sms-destination-refused', result: 'refused', subject: people.staff.dn,
        detail: { country: 'PL', phone: '***00' },
      });
      expect(await slapd.canBind(people.staff.dn, people.staff.password)).toBe(true);
    });
  });

  it('sends to a number in a listed country (codes in any case, with spaces)', async () => {
    await withPassdesk({ SMS_ALLOWED_COUNTRIES: 'it, pl' }, async (harness) => {
      const { user } = await jan(harness);
      await user.runPassword();
      await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
      await nextSmsCode(harness, 0);
      expect(harness.twilio.messages.map((message) => message.to)).toEqual([JAN_PHONE]);
      expect(user.labels()).toEqual([CODE]);
      expect(startWarnings(harness)).toEqual([]);
    });
  });

  // A number stored without its country code is placed by PHONE_DEFAULT_REGION, or is no phone at
  // all (phone-numbers.e2e.test.ts); a number no country owns reaches this check and stops here.
  it('does not send to a number whose country is unknown (+800, owned by no country)', async () => {
    await withPassdesk({ SMS_ALLOWED_COUNTRIES: 'PL' }, async (harness) => {
      await slapd.addAccount({ username: 'nocountry', mail: 'no.country@uni.example', password: 'National-Start-2024!',
        givenName: 'Nina', sn: 'Narodowa', phone: '+800 1234 5678' });
      harness.slack.setUser('UNOCOUNTRY', { email: 'no.country@uni.example' });
      const user = new SlackUser(harness, 'UNOCOUNTRY');
      await user.runPassword();
      await user.submit([[PHONE_DIGITS, '678'], user.challenge()]);
      expect(user.text()).toContain(NOT_SENT);
      expect(harness.twilio.messages).toHaveLength(0);
      expect(auditOf(harness, user.id)).toContainEqual(expect.objectContaining({
        action: 'password-reset.sms-destination-refused', detail: { country: 'unknown', phone: '***78' },
      }));
    });
  });

  it.each([
    ['it-IT', 'Il tuo numero di telefono registrato è di un paese verso cui non inviamo codici'],
    ['pl-PL', 'Numer telefonu zdefiniowany w systemie należy do kraju'],
  ])('tells the person in their language (%s)', async (locale, words) => {
    await withPassdesk({ SMS_ALLOWED_COUNTRIES: 'IT' }, async (harness) => {
      const { user } = await jan(harness, locale);
      await user.runPassword();
      await user.submit([[user.labels()[0], JAN_PHONE.slice(-3)], user.challenge()]);
      expect(user.text()).toContain(words);
      expect(harness.twilio.messages).toHaveLength(0);
    });
  });

  it('unset: every country, with a warning at start', async () => {
    await withPassdesk({}, async (harness) => {
      expect(startWarnings(harness)).toHaveLength(1);
      const { user } = await jan(harness);
      await user.runPassword();
      await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
      await nextSmsCode(harness, 0);
      expect(harness.twilio.messages.map((message) => message.to)).toEqual([JAN_PHONE]);
    });
  });
});
