import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadConfig } from '../../src/config';
import { startPassdesk } from '../../src/passdesk';
import { sqlitePathOf } from '../../src/store/open-store';
import { type PassdeskUnderTest, SECRET_KEY, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser, nextSmsCode } from './slack-user';

/** The key that hashes codes comes from PASSDESK_SECRET_KEY (or the caller), never from the store. */

const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
const CODE = 'Code from the SMS';

let slapd: SlapdServer;
let serial = 0;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

async function toCodeStep(harness: PassdeskUnderTest): Promise<{ user: SlackUser; code: string }> {
  serial += 1;
  const people = await seedPeople(slapd, { tag: `k${serial}` });
  const user = new SlackUser(harness, `UKEY${serial}`);
  harness.slack.setUser(user.id, { email: people.staff.mail, locale: 'en-GB' });
  await user.runPassword();
  const since = harness.twilio.messages.length;
  await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
  return { user, code: await nextSmsCode(harness, since) };
}

it('does not start without a key, and says how to make one', async () => {
  const harness = await startPassdeskUnderTest({ directory: slapd });
  try {
    const { PASSDESK_SECRET_KEY: _key, ...withoutKey } = harness.env;
    const config = loadConfig(withoutKey, { requireSecretKey: false });
    await expect(startPassdesk(config)).rejects
      .toThrow('PASSDESK_SECRET_KEY (or PASSDESK_SECRET_KEY_FILE) is required; generate one with `openssl rand -hex 32`');
    await expect(startPassdesk(config, { secretKey: 'too-short-sentinel' })).rejects.toThrow(/too short/);
  } finally {
    await harness.stop();
  }
});

it('hashes codes with the key from the environment: after a restart with another key, a code sent before is refused', async () => {
  const harness = await startPassdeskUnderTest({ directory: slapd });
  try {
    const { user, code } = await toCodeStep(harness);
    harness.env.PASSDESK_SECRET_KEY = 'another-secret-key-0123456789abcdef0123456789';
    await harness.restart();
    await user.submit([[CODE, code]]);
    expect(user.view().shownErrors?.code).toContain('That code is not right');
  } finally {
    await harness.stop();
  }
});

it('keeps no key in the store: no secrets table, and the key is nowhere in its files', async () => {
  const harness = await startPassdeskUnderTest({ directory: slapd });
  try {
    const { user, code } = await toCodeStep(harness);
    await user.submit([[CODE, code]]);
    expect(user.labels()).toContain('New password');
    const path = sqlitePathOf(harness.env.DATABASE_URL);
    const db = new DatabaseSync(path);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(tables).not.toContain('secrets');
    for (const file of readdirSync(dirname(path))) {
      expect(readFileSync(`${dirname(path)}/${file}`).includes(SECRET_KEY)).toBe(false);
    }
  } finally {
    await harness.stop();
  }
});

it('takes the key from its caller when the environment has none (the demo)', async () => {
  const harness = await startPassdeskUnderTest({ directory: slapd, secretKey: 'demo-generated-key-0123456789abcdef0123456789' });
  try {
    expect(harness.env.PASSDESK_SECRET_KEY).toBeUndefined();
    const { user, code } = await toCodeStep(harness);
    await user.submit([[CODE, code]]);
    expect(user.labels()).toContain('New password');
  } finally {
    await harness.stop();
  }
});
