import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser } from './slack-user';

/**
 * Phone numbers as directories really hold them: national form, spaces, or something that is
 * no number at all. The code goes to the E.164 number; a bad number is "no phone", never sent.
 */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';

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

/** Someone whose account holds `phone` as typed by whoever keeps the directory. */
async function personWithPhone(harness: PassdeskUnderTest, phone: string): Promise<{ user: SlackUser; dn: string }> {
  serial += 1;
  const username = `phone${serial}`;
  const mail = `${username}@uni.example`;
  const dn = await slapd.addAccount({ username, mail, password: 'Phone-Start-2024!', givenName: 'Ola', sn: 'Nowak', phone });
  harness.slack.setUser(`UPHONE${serial}`, { email: mail, locale: 'en-US' });
  return { user: new SlackUser(harness, `UPHONE${serial}`), dn };
}

describe('phone numbers', () => {
  it('sends the code to the E.164 form of a number stored in national form (PHONE_DEFAULT_REGION)', async () => {
    // Placed in Poland by the region, the number passes SMS_ALLOWED_COUNTRIES too.
    await withPassdesk({ PHONE_DEFAULT_REGION: 'PL', SMS_ALLOWED_COUNTRIES: 'PL' }, async (harness) => {
      const { user } = await personWithPhone(harness, '600 100 271');
      await user.runPassword();
      await user.submit([[PHONE_DIGITS, '271'], user.challenge()]);
      const sms = await harness.twilio.waitForMessage('+48600100271');
      expect(sms.params.To).toBe('+48600100271');
      expect(user.text()).toContain('ending in 71');
    });
  });

  it('treats a number that is no phone number as no phone: nothing sent, the deployer told which account', async () => {
    await withPassdesk({ PHONE_DEFAULT_REGION: 'PL' }, async (harness) => {
      const { user, dn } = await personWithPhone(harness, 'ask at reception 6001');
      await user.runPassword();
      expect(user.text()).toContain('no phone number registered');
      expect(harness.twilio.messages).toHaveLength(0);
      const warning = harness.logs.find((line) => line.includes('registered phone number is not a valid phone number'));
      expect(warning).toContain(dn);
      expect(harness.logs.join('\n')).not.toContain('reception');
    });
  });

  it('treats a national number as no phone when PHONE_DEFAULT_REGION is unset, and says so', async () => {
    await withPassdesk({}, async (harness) => {
      const { user, dn } = await personWithPhone(harness, '600 100 272');
      await user.runPassword();
      expect(user.text()).toContain('no phone number registered');
      expect(harness.twilio.messages).toHaveLength(0);
      const warning = harness.logs.find((line) => line.includes('PHONE_DEFAULT_REGION is not set'));
      expect(warning).toContain(dn);
      expect(harness.logs.join('\n')).not.toContain('600 100 272');
    });
  });
});
