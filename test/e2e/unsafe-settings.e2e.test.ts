import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SlapdServer, startSlapd } from '../harness/slapd';

/** Unsafe settings that passdesk allows are said loudly when it starts: at warn, by name, never by value. */

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

async function warnedSettings(options: Parameters<typeof startPassdeskUnderTest>[0]): Promise<{ settings: string[]; logs: string }> {
  const harness: PassdeskUnderTest = await startPassdeskUnderTest(options);
  try {
    const entries = harness.logs.map((line) => JSON.parse(line) as { level?: string; setting?: string; msg?: string });
    expect(entries.some((entry) => entry.msg === 'passdesk started')).toBe(true);
    const settings = entries.filter((entry) => entry.level === 'warn' && entry.setting).map((entry) => entry.setting as string);
    return { settings: settings.sort(), logs: harness.logs.join('\n') };
  } finally {
    await harness.stop();
  }
}

describe('start-up with unsafe settings', () => {
  it('warns once for each unsafe setting it allows, naming it without its value', async () => {
    const { settings, logs } = await warnedSettings({
      directory: slapd,
      socketMode: true,
      env: {
        SLACK_SIGNING_SECRET: 'sentinel-unused-signing-secret',
        LDAP_URL: slapd.startTlsUrl,
        LDAP_INSECURE: 'true',
        SMTP_URL: 'smtp://sentinel-relay.invalid:25?tls.rejectUnauthorized=false',
      },
    });
    expect(settings).toEqual(['LDAP_INSECURE', 'SLACK_SIGNING_SECRET', 'SMS_ALLOWED_COUNTRIES', 'SMTP_URL']);
    expect(logs).not.toContain('sentinel');
  });

  it('warns about no setting when none is unsafe', async () => {
    const { settings } = await warnedSettings({ directory: slapd, env: { SMS_ALLOWED_COUNTRIES: 'IT,PL' } });
    expect(settings).toEqual([]);
  });
});
