import { SECRET_KEY, SIGNING_SECRET, TWILIO_TOKEN, type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/** Request verification, secrets in logs, limits, Socket Mode, and a directory that is down. */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

/** A passdesk of its own for one test, stopped whatever the test does. */
async function withPassdesk(
  options: Omit<Parameters<typeof startPassdeskUnderTest>[0], 'directory'>,
  test: (harness: PassdeskUnderTest) => Promise<void>,
): Promise<void> {
  const harness = await startPassdeskUnderTest({ directory: slapd, ...options });
  try {
    await test(harness);
  } finally {
    await harness.stop();
  }
}

/** The whole journey, from `/password` to "changed", as a person reading the labels. */
async function walkJourney(harness: PassdeskUnderTest, user: SlackUser, password: string): Promise<string> {
  await user.runPassword();
  const since = harness.twilio.messages.length;
  await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
  const code = await nextSmsCode(harness, since);
  await user.submit([[CODE, code]]);
  await user.submit([[NEW_PASSWORD, password], [AGAIN, password]]);
  return code;
}

describe('HTTP requests from Slack', () => {
  let harness: PassdeskUnderTest;
  beforeAll(async () => {
    harness = await startPassdeskUnderTest({ directory: slapd });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it.each([
    ['a wrong signature', { signingSecret: 'not-the-secret' }],
    ['a stale timestamp (6 minutes old)', { timestampOffsetSeconds: -360 }],
    ['a timestamp 6 minutes in the future', { timestampOffsetSeconds: 360 }],
    ['no signature at all', { unsigned: true }],
  ])('refuses %s with 401 and opens nothing', async (_name, signing) => {
    const since = harness.slack.calls.length;
    const response = await harness.driver.slashCommand('UNSIGNED', '/password', '', signing);
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.slack.calls.slice(since).map((call) => call.method)).not.toContain('views.open');
  });

  it('accepts a correctly signed request a little in the future (clock skew within 5 minutes)', async () => {
    const people = await seedPeople(slapd, { tag: 'skew' });
    harness.slack.setUser('USKEW', { email: people.staff.mail });
    const response = await harness.driver.slashCommand('USKEW', '/password', '', { timestampOffsetSeconds: 120 });
    expect(response.status).toBe(200);
  });
});

describe('logs', () => {
  it('carry no password, code, token or phone number through a whole journey at debug level', async () => {
    await withPassdesk({ env: { LOG_LEVEL: 'debug' } }, async (harness) => {
      const people = await seedPeople(slapd, { tag: 'logs' });
      harness.slack.setUser('ULOGS', { email: people.staff.mail });
      const user = new SlackUser(harness, 'ULOGS');
      const sentinel = 'Sentinel-Pa55word;Zx9';
      const code = await walkJourney(harness, user, sentinel);
      expect(user.text()).toContain('Your password has been changed for');

      const logs = harness.logs.join('\n');
      expect(harness.logs.length).toBeGreaterThan(10);
      expect(logs).toContain('"level":"debug"');
      expect(logs).toContain('password-reset.completed');
      for (const secret of [sentinel, code, JAN_PHONE, JAN_PHONE.slice(1), '600100200', people.staff.password,
        harness.slack.botToken, SIGNING_SECRET, TWILIO_TOKEN, slapd.env.LDAP_BIND_PASSWORD, SECRET_KEY]) {
        expect(logs).not.toContain(secret);
      }
    });
  });
});

describe('limits', () => {
  it('stop SMS to one phone after the hourly allowance, and new flows after the daily one', async () => {
    await withPassdesk({ env: { LIMIT_SMS_PER_HOUR: '2', LIMIT_FLOWS_PER_DAY: '3', RESET_CODE_RESEND_SECONDS: '0' } }, async (harness) => {
      const phone = '+48600999123';
      await slapd.addAccount({ username: 'limited', mail: 'limited@uni.example', password: 'Limited-Start-2024!',
        givenName: 'Lena', sn: 'Limit', phone });
      harness.slack.setUser('ULIMIT', { email: 'limited@uni.example' });
      const user = new SlackUser(harness, 'ULIMIT');

      await user.runPassword();
      await user.submit([[PHONE_DIGITS, '123'], user.challenge()]);
      await harness.twilio.waitForMessage(phone);
      const mark = harness.slack.calls.length;
      await user.click('Send a new code');
      await harness.slack.waitForCall('views.update', { since: mark });
      expect(harness.twilio.messages.filter((m) => m.to === phone)).toHaveLength(2);

      const third = harness.slack.calls.length;
      await user.click('Send a new code');
      await harness.slack.waitForCall('views.update', { since: third });
      expect(user.text()).toContain('Too many attempts');
      expect(harness.twilio.messages.filter((m) => m.to === phone)).toHaveLength(2);

      await user.runPassword();
      await user.runPassword();
      expect(user.labels()).toContain(PHONE_DIGITS);
      await user.runPassword();
      expect(user.text()).toContain('Too many attempts');
      expect(user.labels()).toEqual([]);

      // The allowance lives in the store: a restart does not reset it.
      await harness.restart();
      await user.runPassword();
      expect(user.text()).toContain('Too many attempts');
    });
  });
});

describe('Socket Mode', () => {
  it('walks the whole journey without a public URL', async () => {
    await withPassdesk({ socketMode: true }, async (harness) => {
      const people = await seedPeople(slapd, { tag: 'sock' });
      harness.slack.setUser('USOCKET', { email: people.staff.mail, locale: 'pl-PL' });
      const user = new SlackUser(harness, 'USOCKET');
      await user.runPassword();
      const since = harness.twilio.messages.length;
      await user.submit([['Trzy ostatnie cyfry zdefiniowanego numeru telefonu', '200'], user.challenge()]);
      const code = await nextSmsCode(harness, since);
      await user.submit([['Kod z SMS-a', code]]);
      await user.submit([['Nowe hasło', 'Ciche-Jezioro-58;Most'], ['Powtórz nowe hasło', 'Ciche-Jezioro-58;Most']]);
      expect(user.text()).toContain('Hasło zostało zmienione dla');
      expect(await slapd.canBind(people.student.dn, 'Ciche-Jezioro-58;Most')).toBe(true);
    });
  });
});

describe('directory down', () => {
  // passdesk refuses to start without its directory, so the directory goes away after the start.
  it('tells the person plainly, sends nothing, and audits it', async () => {
    await withPassdesk({ env: { LDAP_TIMEOUT_MS: '2000' } }, async (harness) => {
      harness.slack.setUser('UDOWN', { email: 'anyone@uni.example', locale: 'it-IT' });
      const user = new SlackUser(harness, 'UDOWN');
      await slapd.halt();
      try {
        await user.runPassword();
      } finally {
        await slapd.resume();
      }
      expect(user.text()).toContain('La directory degli account non è raggiungibile in questo momento');
      expect(harness.twilio.messages).toHaveLength(0);
      expect(harness.logs.join('\n')).toContain('"reason":"directory-unavailable"');
    });
  });
});
