import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink';

/** Unsafe settings that passdesk allows are said loudly when it starts: at warn, by name, never by value. */

let slapd: SlapdServer;
/** A relay of its own: passdesk connects to SMTP_URL at start, so it must answer. */
let relay: SmtpSink;
beforeAll(async () => {
  [slapd, relay] = await Promise.all([startSlapd(), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([slapd?.stop(), relay?.stop()]);
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
        // `name` (the EHLO host) carries the sentinel: the URL's value must not reach the logs.
        SMTP_URL: `${relay.url}?tls.rejectUnauthorized=false&name=sentinel-relay.invalid`,
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
