import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError, loadConfig, secretValues } from '../../src/config';
import { unsafeSettingWarnings } from '../../src/unsafe-settings';

const caFile = join(mkdtempSync(join(tmpdir(), 'passdesk-config-')), 'ca.pem');
writeFileSync(caFile, 'not read by the schema, only checked to exist');

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-sentinel-bot-token',
  SLACK_SIGNING_SECRET: 'sentinel-signing-secret',
  LDAP_URL: 'ldaps://127.0.0.1:636',
  LDAP_CA_FILE: caFile,
  LDAP_BIND_DN: 'cn=passdesk,dc=uni,dc=example',
  LDAP_BIND_PASSWORD: 'sentinel-bind-password',
  LDAP_BASE_DN: 'ou=people,dc=uni,dc=example',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'sentinel-twilio-token',
  TWILIO_FROM: '+15005550006',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'passdesk <no-reply@uni.example>',
  SMS_ALLOWED_COUNTRIES: 'IT,PL',
  PASSDESK_SECRET_KEY: 'sentinel-secret-key-0123456789abcdef',
};
const { PASSDESK_SECRET_KEY: _key, ...withoutKey } = valid;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('reads a valid HTTP-mode environment with the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.slack.appToken).toBeUndefined();
    expect(config.slack.port).toBe(3000);
    expect(config.ldap.flavor).toBe('openldap');
    expect(config.ldap.mailAttr).toBe('mail');
    expect(config.ldap.phoneAttr).toBe('mobile');
    expect(config.ldap.linkAttr).toBeUndefined();
    expect(config.reset.codeTtlMinutes).toBe(10);
    expect(config.reset.codeMaxAttempts).toBe(5);
    expect(config.reset.changeLeaseSeconds).toBe(60);
    expect(config.reset.arithmeticChallenge).toBe(true);
    expect(config.defaultLocale).toBe('en');
    expect(config.policy.minLength).toBe(12);
    expect(config.policy.specialCharacters).toBe('@#$%^&*-_+=[]{}|\\:\',.?/`~"();');
    expect(config.successNotes.it).toBeUndefined();
  });

  it('reads the service account settings: none by default, owner by flavour, minimum length 20', () => {
    expect(loadConfig(valid).ldap.serviceAccounts).toBeUndefined();
    expect(loadConfig(valid).servicePolicyMinLength).toBe(20);
    const serviceBaseDn = 'ou=service-accounts,dc=uni,dc=example';
    expect(loadConfig({ ...valid, LDAP_SERVICE_BASE_DN: serviceBaseDn }).ldap.serviceAccounts)
      .toEqual({ baseDn: serviceBaseDn, ownerAttr: 'owner' });
    expect(loadConfig({ ...valid, LDAP_FLAVOR: 'ad', LDAP_SERVICE_BASE_DN: serviceBaseDn }).ldap.serviceAccounts)
      .toEqual({ baseDn: serviceBaseDn, ownerAttr: 'manager' });
    const custom = loadConfig({ ...valid, LDAP_SERVICE_BASE_DN: serviceBaseDn, LDAP_OWNER_ATTR: 'seeAlso', SERVICE_POLICY_MIN_LENGTH: '24' });
    expect(custom.ldap.serviceAccounts?.ownerAttr).toBe('seeAlso');
    expect(custom.servicePolicyMinLength).toBe(24);
  });

  it('refuses a service account base inside the people base, or around it', () => {
    expect(problemsOf({ ...valid, LDAP_SERVICE_BASE_DN: 'OU=Services, OU=People,DC=uni,DC=example' }).join('\n'))
      .toMatch(/LDAP_SERVICE_BASE_DN: must lie outside LDAP_BASE_DN/);
    expect(problemsOf({ ...valid, LDAP_SERVICE_BASE_DN: 'dc=uni,dc=example' }).join('\n'))
      .toMatch(/LDAP_SERVICE_BASE_DN: must lie outside LDAP_BASE_DN/);
  });

  it('names every problem at once, and never prints a value', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'sentinel-not-a-bot-token',
      LDAP_URL: 'http://sentinel-host',
      LDAP_FLAVOR: 'novell',
      TWILIO_AUTH_TOKEN: 'sentinel-twilio-token',
      RESET_CODE_TTL_MINUTES: '30',
    });
    const text = problems.join('\n');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'LDAP_URL', 'LDAP_FLAVOR', 'LDAP_BIND_DN',
      'LDAP_BIND_PASSWORD', 'LDAP_BASE_DN', 'TWILIO_ACCOUNT_SID', 'TWILIO_FROM', 'SMTP_URL', 'MAIL_FROM',
      'RESET_CODE_TTL_MINUTES', 'PASSDESK_SECRET_KEY']) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('sentinel');
  });

  it('uses Socket Mode when an app token is set, without a signing secret', () => {
    const { SLACK_SIGNING_SECRET: _unused, ...socket } = valid;
    const config = loadConfig({ ...socket, SLACK_APP_TOKEN: 'xapp-1-sentinel' });
    expect(config.slack.appToken).toBe('xapp-1-sentinel');
  });

  it('treats empty values as unset, as .env files write them', () => {
    const config = loadConfig({ ...valid, SLACK_APP_TOKEN: '', LDAP_LINK_ATTR: '', PORT: '' });
    expect(config.slack.appToken).toBeUndefined();
    expect(config.ldap.linkAttr).toBeUndefined();
    expect(config.slack.port).toBe(3000);
  });

  it('refuses a CA file that does not exist', () => {
    expect(problemsOf({ ...valid, LDAP_CA_FILE: '/nonexistent/ca.pem' })).toEqual(['LDAP_CA_FILE: file not found']);
  });

  it('refuses plain-text LDAP for Active Directory', () => {
    const problems = problemsOf({ ...valid, LDAP_URL: 'ldap://127.0.0.1', LDAP_INSECURE: 'true', LDAP_FLAVOR: 'ad' });
    expect(problems.join()).toContain('LDAP_INSECURE');
  });

  it('reads success notes per language, with "none" for no notes', () => {
    const config = loadConfig({ ...valid, SUCCESS_NOTES: 'One | Two', SUCCESS_NOTES_PL: 'Jeden', SUCCESS_NOTES_IT: 'none' });
    expect(config.successNotes.en).toEqual(['One', 'Two']);
    expect(config.successNotes.pl).toEqual(['Jeden']);
    expect(config.successNotes.it).toEqual([]);
  });

  it('turns the special-character rule off with "none"', () => {
    expect(loadConfig({ ...valid, POLICY_SPECIAL_CHARACTERS: 'none' }).policy.specialCharacters).toBe('');
  });

  it('refuses SMTP credentials that could travel in clear, without printing them', () => {
    const problems = problemsOf({ ...valid, SMTP_URL: 'smtp://passdesk:sentinel-mail-pw@mail.uni.example:587' });
    expect(problems.join()).toContain('SMTP_URL: a user and password over smtp:// need ?requireTLS=true');
    expect(problems.join()).not.toContain('sentinel');
    expect(() => loadConfig({ ...valid, SMTP_URL: 'smtp://passdesk:pw@mail.uni.example:587?requireTLS=true' })).not.toThrow();
    expect(() => loadConfig({ ...valid, SMTP_URL: 'smtps://passdesk:pw@mail.uni.example:465' })).not.toThrow();
  });

  it('reads the operations settings, with their documented defaults', () => {
    expect(loadConfig(valid).ops).toEqual({ healthPort: 3000, readinessCacheSeconds: 10, shutdownTimeoutSeconds: 8 });
    expect(loadConfig(valid).auditRetentionDays).toBe(400);
    expect(loadConfig(valid).phoneDefaultRegion).toBeUndefined();
    const set = loadConfig({ ...valid, HEALTH_PORT: '9100', READINESS_CACHE_SECONDS: '5', SHUTDOWN_TIMEOUT_SECONDS: '3',
      AUDIT_RETENTION_DAYS: '30', PHONE_DEFAULT_REGION: 'it' });
    expect(set.ops).toEqual({ healthPort: 9100, readinessCacheSeconds: 5, shutdownTimeoutSeconds: 3 });
    expect(set.auditRetentionDays).toBe(30);
    expect(set.phoneDefaultRegion).toBe('IT');
  });

  it('refuses a phone region that is no country, and a readiness cache that would outlast 30 s', () => {
    expect(problemsOf({ ...valid, PHONE_DEFAULT_REGION: 'XX' })).toEqual([
      'PHONE_DEFAULT_REGION: must be an ISO 3166 country code such as IT or PL',
    ]);
    expect(problemsOf({ ...valid, READINESS_CACHE_SECONDS: '60' })).toEqual(['READINESS_CACHE_SECONDS: may not exceed 25']);
  });

  it('refuses every placeholder .env.example ships, naming each setting and never its value', () => {
    const example = parseEnv(readFileSync(resolve(__dirname, '../../.env.example'), 'utf8'));
    const problems = problemsOf({ ...example, LDAP_CA_FILE: caFile });
    const placeholders = problems.filter((problem) => problem.includes('still the placeholder from .env.example'));
    expect(placeholders.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'HELPDESK_CONTACT', 'LDAP_BASE_DN', 'LDAP_BIND_DN', 'LDAP_BIND_PASSWORD', 'LDAP_URL', 'MAIL_FROM',
      'SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'SMTP_URL', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN',
    ]);
    expect(problems.join('\n')).not.toMatch(/your-bot-token|change-me|xxxxxxxx|example\.edu/);
  });

  it('accepts .env.example once the placeholders are replaced', () => {
    const example = parseEnv(readFileSync(resolve(__dirname, '../../.env.example'), 'utf8'));
    const { SLACK_APP_TOKEN: _http, ...rest } = example;
    expect(() => loadConfig({
      ...rest, ...valid, HELPDESK_CONTACT: 'the IT help desk (#it-help)',
    })).not.toThrow();
  });

  it('reads the reminder settings, with the seed\'s ten days by default', () => {
    expect(loadConfig(valid).reminders).toEqual({ windowsDays: [10], cron: '0 9 * * *', timeZone: undefined, enabled: true, expiredDays: 30 });
    const config = loadConfig({ ...valid, REMINDER_DAYS: '1, 14,7,7', REMINDER_CRON: '30 8 * * 1-5', REMINDER_TZ: 'Europe/Warsaw',
      REMINDERS_ENABLED: 'false', REMINDER_EXPIRED_DAYS: '0' });
    expect(config.reminders).toEqual({ windowsDays: [14, 7, 1], cron: '30 8 * * 1-5', timeZone: 'Europe/Warsaw', enabled: false, expiredDays: 0 });
  });

  it('names bad reminder settings', () => {
    const problems = problemsOf({ ...valid, REMINDER_DAYS: '10,soon', REMINDER_CRON: 'every morning', REMINDER_TZ: 'Mars/Olympus',
      REMINDER_EXPIRED_DAYS: '-1' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['REMINDER_CRON', 'REMINDER_DAYS', 'REMINDER_EXPIRED_DAYS', 'REMINDER_TZ'],
    );
    expect(problemsOf({ ...valid, REMINDER_DAYS: '0' }).join()).toContain('REMINDER_DAYS');
  });
});

describe('SMS_ALLOWED_COUNTRIES', () => {
  it('reads ISO country codes in any case, with spaces', () => {
    expect(loadConfig({ ...valid, SMS_ALLOWED_COUNTRIES: ' it, Pl ,' }).sms.allowedCountries).toEqual(['IT', 'PL']);
  });

  it.each([['XX,PL'], ['Italy'], [' , ']])('refuses %j, naming the setting', (value) => {
    expect(problemsOf({ ...valid, SMS_ALLOWED_COUNTRIES: value })).toEqual([
      'SMS_ALLOWED_COUNTRIES: must be ISO country codes separated by commas, e.g. IT,PL',
    ]);
  });

  it('unset: any country, with a warning that says so', () => {
    const { SMS_ALLOWED_COUNTRIES: _set, ...unset } = valid;
    expect(loadConfig(unset).sms.allowedCountries).toBeUndefined();
    expect(unsafeSettingWarnings(loadConfig(unset)).map((warning) => warning.setting)).toEqual(['SMS_ALLOWED_COUNTRIES']);
  });
});

describe('the secret key', () => {
  const keyFile = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'passdesk-key-')), 'key');
    writeFileSync(path, content);
    return path;
  };

  it('is required, and the message says how to make one', () => {
    expect(problemsOf(withoutKey)).toEqual([
      'PASSDESK_SECRET_KEY: missing (or PASSDESK_SECRET_KEY_FILE); generate one with `openssl rand -hex 32`',
    ]);
  });

  it('comes from PASSDESK_SECRET_KEY, and is one of the values redacted from error text', () => {
    const config = loadConfig(valid);
    expect(config.secretKey).toBe(valid.PASSDESK_SECRET_KEY);
    expect(secretValues(config)).toContain(valid.PASSDESK_SECRET_KEY);
  });

  it('comes from PASSDESK_SECRET_KEY_FILE without the newline the file ends with', () => {
    const key = 'a'.repeat(64);
    expect(loadConfig({ ...withoutKey, PASSDESK_SECRET_KEY_FILE: keyFile(`${key}\n`) }).secretKey).toBe(key);
  });

  it('refuses a key shorter than 32 characters, from either variable, without printing it', () => {
    const short = 'sentinel-short-key';
    expect(problemsOf({ ...valid, PASSDESK_SECRET_KEY: short })).toEqual([
      'PASSDESK_SECRET_KEY: the key is too short (at least 32 characters); generate one with `openssl rand -hex 32`',
    ]);
    const fromFile = problemsOf({ ...withoutKey, PASSDESK_SECRET_KEY_FILE: keyFile(`${short}\n`) });
    expect(fromFile.join()).toContain('PASSDESK_SECRET_KEY_FILE: the key is too short');
    expect(fromFile.join()).not.toContain('sentinel');
  });

  it('refuses both variables at once, and a key file that is not there', () => {
    expect(problemsOf({ ...valid, PASSDESK_SECRET_KEY_FILE: keyFile('b'.repeat(64)) }))
      .toEqual(['PASSDESK_SECRET_KEY_FILE: set it or PASSDESK_SECRET_KEY, not both']);
    expect(problemsOf({ ...withoutKey, PASSDESK_SECRET_KEY_FILE: '/nonexistent/passdesk.key' }))
      .toEqual(['PASSDESK_SECRET_KEY_FILE: file not found']);
  });

  it('may be left out when the caller says so (the demo passes its own to startPassdesk)', () => {
    expect(loadConfig(withoutKey, { requireSecretKey: false }).secretKey).toBeUndefined();
  });
});

describe('unsafe settings', () => {
  const warningsFor = (env: Record<string, string>) => unsafeSettingWarnings(loadConfig(env));
  const settingsWarnedFor = (env: Record<string, string>) => warningsFor(env).map((warning) => warning.setting);

  it('warns about nothing for a safe configuration', () => {
    expect(warningsFor(valid)).toEqual([]);
    expect(warningsFor({ ...valid, SMTP_URL: 'smtps://passdesk:pw@mail.uni.example:465?tls.rejectUnauthorized=true' })).toEqual([]);
  });

  it('refuses a minimum password length below 8, and accepts 8', () => {
    expect(problemsOf({ ...valid, POLICY_MIN_LENGTH: '7' })).toEqual(['POLICY_MIN_LENGTH: must be at least 8: shorter passwords are guessed too easily']);
    expect(loadConfig({ ...valid, POLICY_MIN_LENGTH: '8' }).policy.minLength).toBe(8);
  });

  it("refuses a service account's minimum password length below 8 the same way", () => {
    expect(problemsOf({ ...valid, SERVICE_POLICY_MIN_LENGTH: '4' })).toEqual(['SERVICE_POLICY_MIN_LENGTH: must be at least 8: shorter passwords are guessed too easily']);
    expect(loadConfig({ ...valid, SERVICE_POLICY_MIN_LENGTH: '8' }).servicePolicyMinLength).toBe(8);
  });

  it('allows LDAP_INSECURE=true with plain ldap:// on OpenLDAP, with a warning that names it', () => {
    const env = { ...valid, LDAP_URL: 'ldap://127.0.0.1:389', LDAP_INSECURE: 'true' };
    expect(loadConfig(env).ldap.insecure).toBe(true);
    expect(settingsWarnedFor(env)).toEqual(['LDAP_INSECURE']);
    // With ldaps:// the flag changes nothing, and StartTLS is used without it.
    expect(settingsWarnedFor({ ...valid, LDAP_INSECURE: 'true' })).toEqual([]);
    expect(settingsWarnedFor({ ...valid, LDAP_URL: 'ldap://127.0.0.1:389' })).toEqual([]);
  });

  it.each([
    ['smtps:// and tls.rejectUnauthorized=false', 'smtps://passdesk:sentinel-mail-pw@mail.uni.example:465?tls.rejectUnauthorized=false'],
    ['STARTTLS and tls.rejectUnauthorized=false', 'smtp://passdesk:sentinel-mail-pw@mail.uni.example:587?requireTLS=true&tls.rejectUnauthorized=false'],
    ['smtps:// and tls.rejectUnauthorized=0', 'smtps://passdesk:sentinel-mail-pw@mail.uni.example:465?tls.rejectUnauthorized=0'],
  ])('refuses SMTP credentials without certificate checks (%s), without printing them', (_name, smtpUrl) => {
    const problems = problemsOf({ ...valid, SMTP_URL: smtpUrl });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SMTP_URL: tls.rejectUnauthorized turns certificate checks off');
    expect(problems.join()).not.toContain('sentinel');
  });

  it('refuses SMTP credentials over smtp:// with ignoreTLS, even with requireTLS', () => {
    const problems = problemsOf({ ...valid, SMTP_URL: 'smtp://passdesk:sentinel-mail-pw@mail.uni.example:587?requireTLS=true&ignoreTLS=true' });
    expect(problems.join()).toContain('SMTP_URL: a user and password over smtp:// need ?requireTLS=true');
    expect(problems.join()).not.toContain('sentinel');
  });

  it('allows a relay without credentials and without certificate checks, with a warning that names SMTP_URL but not its value', () => {
    const env = { ...valid, SMTP_URL: 'smtp://relay.sentinel.example:25?requireTLS=true&tls.rejectUnauthorized=false' };
    const warnings = warningsFor(env);
    expect(warnings.map((warning) => warning.setting)).toEqual(['SMTP_URL']);
    expect(warnings[0].message).not.toContain('sentinel');
  });

  it('allows both Slack modes at once with a warning: Socket Mode wins and the signing secret is ignored', () => {
    const env = { ...valid, SLACK_APP_TOKEN: 'xapp-1-sentinel' };
    expect(loadConfig(env).slack.appToken).toBe('xapp-1-sentinel');
    const warnings = warningsFor(env);
    expect(warnings.map((warning) => warning.setting)).toEqual(['SLACK_SIGNING_SECRET']);
    expect(warnings[0].message).toContain('SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are both set');
    expect(warnings[0].message).not.toContain('sentinel');
  });
});

describe('LDAP_URL with several servers', () => {
  it('takes a space-separated list, tried in order, with the connect timeout and pool size defaults', () => {
    const config = loadConfig({ ...valid, LDAP_URL: 'ldaps://dc1.uni.example  ldaps://dc2.uni.example:636 ldap://dc3.uni.example' });
    expect(config.ldap.url).toBe('ldaps://dc1.uni.example  ldaps://dc2.uni.example:636 ldap://dc3.uni.example');
    expect(config.ldap.connectTimeoutMs).toBe(3000);
    expect(config.ldap.poolSize).toBe(4);
  });

  it('names the bad URL of a list by its position, never by its text', () => {
    const problems = problemsOf({ ...valid, LDAP_URL: 'ldaps://dc1.uni.example https://sentinel-host' });
    expect(problems).toEqual(['LDAP_URL: URL 2 must be ldaps:// or ldap://']);
    const withCredentials = problemsOf({ ...valid, LDAP_URL: 'ldaps://admin:sentinel-pw@dc1.uni.example' });
    expect(withCredentials).toEqual(['LDAP_URL: the URL holds credentials: use LDAP_BIND_DN and LDAP_BIND_PASSWORD']);
  });

  it('warns about plain text on OpenLDAP when any server of the list is ldap://', () => {
    const env = { ...valid, LDAP_URL: 'ldaps://dc1.uni.example ldap://dc2.uni.example', LDAP_INSECURE: 'true' };
    expect(unsafeSettingWarnings(loadConfig(env)).map((warning) => warning.setting)).toEqual(['LDAP_INSECURE']);
  });

  it('refuses plain text for Active Directory on any server of the list', () => {
    const problems = problemsOf({
      ...valid, LDAP_URL: 'ldaps://dc1.uni.example ldap://dc2.uni.example', LDAP_INSECURE: 'true', LDAP_FLAVOR: 'ad',
    });
    expect(problems.join()).toContain('LDAP_INSECURE');
  });

  it('reads the connect timeout and pool size, and refuses a pool of none', () => {
    const config = loadConfig({ ...valid, LDAP_CONNECT_TIMEOUT_MS: '500', LDAP_POOL_SIZE: '2' });
    expect(config.ldap).toMatchObject({ connectTimeoutMs: 500, poolSize: 2 });
    expect(problemsOf({ ...valid, LDAP_POOL_SIZE: '0' }).join()).toContain('LDAP_POOL_SIZE');
  });
});

describe('help-desk settings', () => {
  it('are off by default, with the documented limits', () => {
    const { helpdesk } = loadConfig(valid);
    expect(helpdesk).toEqual({
      operators: [],
      operatorGroup: undefined,
      logChannel: undefined,
      protectedGroups: [],
      limits: { perOperatorPerHour: 20, perTargetPerDay: 5 },
    });
  });

  it('read operators, their group, the log channel and protected group DNs (semicolon-separated, commas inside)', () => {
    const { helpdesk } = loadConfig({
      ...valid,
      HELPDESK_USERS: 'U0ALICE, U0BOB',
      HELPDESK_USERGROUP: 'S0HELPDESK',
      HELPDESK_LOG_CHANNEL: 'C0HELPLOG',
      HELPDESK_PROTECTED_GROUPS: 'cn=admins,ou=groups,dc=uni,dc=example; CN=Domain Admins,CN=Users,DC=uni,DC=example;',
      LIMIT_HELPDESK_PER_OPERATOR_PER_HOUR: '7',
      LIMIT_HELPDESK_PER_TARGET_PER_DAY: '2',
    });
    expect(helpdesk).toEqual({
      operators: ['U0ALICE', 'U0BOB'],
      operatorGroup: 'S0HELPDESK',
      logChannel: 'C0HELPLOG',
      protectedGroups: ['cn=admins,ou=groups,dc=uni,dc=example', 'CN=Domain Admins,CN=Users,DC=uni,DC=example'],
      limits: { perOperatorPerHour: 7, perTargetPerDay: 2 },
    });
  });

  it('name malformed values without printing them', () => {
    const problems = problemsOf({
      ...valid,
      HELPDESK_USERS: 'sentinel-alice',
      HELPDESK_USERGROUP: 'sentinel-group',
      HELPDESK_LOG_CHANNEL: '#sentinel-channel',
      HELPDESK_PROTECTED_GROUPS: 'sentinel admins',
      LIMIT_HELPDESK_PER_TARGET_PER_DAY: '0',
    });
    const text = problems.join('\n');
    for (const name of ['HELPDESK_USERS', 'HELPDESK_USERGROUP', 'HELPDESK_LOG_CHANNEL', 'HELPDESK_PROTECTED_GROUPS', 'LIMIT_HELPDESK_PER_TARGET_PER_DAY']) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('sentinel');
  });
});
