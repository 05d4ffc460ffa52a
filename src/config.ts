import { existsSync } from 'node:fs';
import { Cron } from 'croner';
import { z } from 'zod';
import { parseLdapUrls } from './directory/ldap-urls';
import { placeholderProblems } from './placeholder-settings';
import { DEFAULT_SPECIAL_CHARACTERS } from './policy/default-policy';
import type { PolicySettings } from './policy/policy';
import { type CountryCode, toCountryCode } from './sms/phone-number';
import { readSecretKey } from './secret-key';
import { unsafeSettingProblems } from './unsafe-settings';

/**
 * The whole environment in one zod schema. `loadConfig` fails fast with one message naming
 * every problem; a message names variables, never their values (several are secrets).
 */

const LOCALES = ['en', 'it', 'pl'] as const;

/** An SMS code lives at most this long, whatever RESET_CODE_TTL_MINUTES says (the seed's procedure). */
export const MAX_CODE_TTL_MINUTES = 10;

const flag = (fallback: boolean) => z.stringbool().default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const httpUrl = z.url({ protocol: /^https?$/ });
/** `a | b | c`; the word `none` means an empty list. */
const notesList = z
  .string()
  .transform((text) => (text.trim() === 'none' ? [] : text.split('|').map((item) => item.trim()).filter(Boolean)));

/** `IT,PL`: ISO 3166-1 alpha-2 codes, any case, comma-separated. */
const countryList = z.string().transform((text, context) => {
  const codes = text.split(',').map((item) => item.trim()).filter(Boolean).map(toCountryCode);
  if (codes.length === 0 || codes.some((code) => code === undefined)) {
    context.addIssue({ code: 'custom', message: 'must be ISO country codes separated by commas, e.g. IT,PL' });
    return z.NEVER;
  }
  return codes.filter((code): code is CountryCode => code !== undefined);
});
/** `14,7,1`: days before an expiry, each a reminder window. */
const dayList = z
  .string()
  .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, 'whole days, comma-separated (e.g. 14,7,1)')
  .transform((text) => [...new Set(text.split(',').map(Number))].sort((a, b) => b - a))
  .refine((days) => days.every((day) => day >= 1 && day <= 3650), 'each between 1 and 3650 days');
const cronPattern = z.string().refine((pattern) => {
  try {
    new Cron(pattern).stop();
    return true;
  } catch {
    return false;
  }
}, 'not a cron pattern (e.g. "0 9 * * *")');
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (e.g. Europe/Rome)');

const environmentSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-...)'),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-...)').optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_API_URL: httpUrl.optional(),
    // 0 picks a free port (tests).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),

    // One URL, or several separated by spaces, tried in order (as OpenLDAP clients read it).
    LDAP_URL: z.string().superRefine(checkLdapUrls),
    LDAP_CA_FILE: z
      .string()
      .refine((path) => existsSync(path), 'file not found')
      .optional(),
    LDAP_INSECURE: flag(false),
    LDAP_BIND_DN: z.string().min(1),
    LDAP_BIND_PASSWORD: z.string().min(1),
    LDAP_BASE_DN: z.string().min(1),
    LDAP_FLAVOR: z.enum(['openldap', 'ad']).default('openldap'),
    LDAP_MAIL_ATTR: z.string().min(1).default('mail'),
    LDAP_PHONE_ATTR: z.string().min(1).default('mobile'),
    LDAP_LINK_ATTR: z.string().min(1).optional(),
    LDAP_MATCH_PROXY_ADDRESSES: flag(false),
    LDAP_PPOLICY_DN: z.string().min(1).optional(),
    LDAP_TIMEOUT_MS: positive(10_000),
    LDAP_CONNECT_TIMEOUT_MS: positive(3_000),
    LDAP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(4),
    LDAP_KIND_ATTR: z.string().min(1).optional(),
    LDAP_SERVICE_BASE_DN: z.string().min(1).optional(),
    LDAP_OWNER_ATTR: z.string().min(1).optional(),
    SERVICE_POLICY_MIN_LENGTH: z.coerce.number().int().min(8, 'must be at least 8: shorter passwords are guessed too easily').default(20),

    TWILIO_ACCOUNT_SID: z.string().startsWith('AC', 'must be an account SID (AC...)'),
    TWILIO_AUTH_TOKEN: z.string().min(1),
    TWILIO_FROM: z.string().min(1),
    TWILIO_API_URL: httpUrl.optional(),
    SMS_ALLOWED_COUNTRIES: countryList.optional(),

    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }),
    MAIL_FROM: z.string().min(3),

    DATABASE_URL: z.string().min(1).optional(),
    // Read and checked by secret-key.ts; listed here so the schema names every variable.
    PASSDESK_SECRET_KEY: z.string().optional(),
    PASSDESK_SECRET_KEY_FILE: z.string().optional(),
    DEFAULT_LOCALE: z.enum(LOCALES).default('en'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    HELPDESK_CONTACT: z.string().min(1).optional(),
    SUCCESS_NOTES: notesList.optional(),
    SUCCESS_NOTES_EN: notesList.optional(),
    SUCCESS_NOTES_IT: notesList.optional(),
    SUCCESS_NOTES_PL: notesList.optional(),

    RESET_CODE_TTL_MINUTES: z.coerce.number().int().min(1)
      .max(MAX_CODE_TTL_MINUTES, `may not exceed ${MAX_CODE_TTL_MINUTES}`).default(MAX_CODE_TTL_MINUTES),
    RESET_CODE_MAX_ATTEMPTS: positive(5),
    RESET_CODE_RESEND_SECONDS: count(60),
    RESET_IDENTITY_MAX_ATTEMPTS: positive(3),
    RESET_ARITHMETIC_CHALLENGE: flag(true),
    RESET_FLOW_TTL_MINUTES: positive(30),
    RESET_LINKED_ACCOUNTS_SHARE_PHONE: flag(false),
    RESET_CHANGE_LEASE_SECONDS: positive(60),

    LIMIT_FLOWS_PER_DAY: positive(5),
    LIMIT_FLOWS_PER_TEAM_PER_HOUR: positive(100),
    LIMIT_SMS_PER_HOUR: positive(3),
    LIMIT_WRONG_ANSWERS_PER_HOUR: positive(10),

    POLICY_MIN_LENGTH: z.coerce.number().int().min(8, 'must be at least 8: shorter passwords are guessed too easily').default(12),
    POLICY_REQUIRE_UPPERCASE: flag(true),
    POLICY_REQUIRE_LOWERCASE: flag(true),
    POLICY_REQUIRE_DIGIT: flag(true),
    POLICY_SPECIAL_CHARACTERS: z
      .string()
      .transform((chars) => (chars.trim() === 'none' ? '' : chars))
      .default(DEFAULT_SPECIAL_CHARACTERS),
    POLICY_FORBID_PERSONAL_INFO: flag(true),
    POLICY_MIN_STRENGTH: z.coerce.number().int().min(0).max(4).default(3),
    POLICY_BLOCKED_WORDS: z.string().default(''),

    HELPDESK_USERS: idList(/^[UW][A-Z0-9]{2,}$/, 'must be Slack user ids (U…), comma-separated').default([]),
    HELPDESK_USERGROUP: z.string().regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group id (S…)').optional(),
    HELPDESK_LOG_CHANNEL: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id (C…)').optional(),
    HELPDESK_PROTECTED_GROUPS: z
      .string()
      .transform((text) => text.split(';').map((dn) => dn.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[^=,]+=[^,]/, 'must be group DNs, semicolon-separated')))
      .default([]),
    LIMIT_HELPDESK_PER_OPERATOR_PER_HOUR: positive(20),
    LIMIT_HELPDESK_PER_TARGET_PER_DAY: positive(5),

    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // With the probe's own 5 s bound, /readyz follows the directory within 30 s.
    READINESS_CACHE_SECONDS: z.coerce.number().int().min(1).max(25, 'may not exceed 25').default(10),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(8),
    AUDIT_RETENTION_DAYS: positive(400),
    PHONE_DEFAULT_REGION: z
      .string()
      .transform((text, context) => {
        const code = toCountryCode(text);
        if (!code) context.addIssue({ code: 'custom', message: 'must be an ISO 3166 country code such as IT or PL' });
        return code ?? z.NEVER;
      })
      .optional(),

    REMINDER_DAYS: dayList.default([10]),
    REMINDER_CRON: cronPattern.default('0 9 * * *'),
    REMINDER_TZ: timeZone.optional(),
    REMINDERS_ENABLED: flag(true),
    REMINDER_EXPIRED_DAYS: count(30),
  });

/** `a, b, c` → ['a', 'b', 'c'], each checked against `pattern`. */
function idList(pattern: RegExp, message: string) {
  return z
    .string()
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, message)));
}

/**
 * Rules that join two variables. Checked on the raw values, beside the schema, so they are
 * reported together with every other problem rather than only once the rest is valid.
 */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (set it, or SLACK_APP_TOKEN for Socket Mode)');
  }
  if (env.LDAP_SERVICE_BASE_DN && env.LDAP_BASE_DN && dnsOverlap(env.LDAP_SERVICE_BASE_DN, env.LDAP_BASE_DN)) {
    problems.push('LDAP_SERVICE_BASE_DN: must lie outside LDAP_BASE_DN (and not contain it), so service accounts are never taken for people');
  }
  problems.push(...unsafeSettingProblems(env));
  return problems;
}

function checkLdapUrls(value: string, context: z.core.$RefinementCtx<string>): void {
  try {
    parseLdapUrls(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid' });
  }
}

/** True when one DN is the other or lies under it (compared case- and spacing-insensitively). */
function dnsOverlap(first: string, second: string): boolean {
  const normalise = (dn: string) => dn.split(',').map((rdn) => rdn.split('=').map((part) => part.trim().toLowerCase()).join('=')).join(',');
  const [a, b] = [normalise(first), normalise(second)];
  return a === b || a.endsWith(`,${b}`) || b.endsWith(`,${a}`);
}

export type Locale = (typeof LOCALES)[number];
export const SUPPORTED_LOCALES: readonly Locale[] = LOCALES;

type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  slack: {
    botToken: string;
    /** Set: Socket Mode. Unset: HTTP on `port`. */
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    port: number;
  };
  ldap: {
    /** `LDAP_URL` as given: one or more URLs separated by spaces (see directory/ldap-urls.ts). */
    url: string;
    caFile?: string;
    insecure: boolean;
    bindDn: string;
    bindPassword: string;
    baseDn: string;
    flavor: 'openldap' | 'ad';
    mailAttr: string;
    phoneAttr: string;
    linkAttr?: string;
    /** Whose value says staff or student (a value containing "student" is a student). */
    kindAttr?: string;
    matchProxyAddresses: boolean;
    ppolicyDn?: string;
    timeoutMs: number;
    /** Per server, before the next one in `url` is tried. */
    connectTimeoutMs: number;
    /** Service-account connections kept open and reused. */
    poolSize: number;
    /** Service (impersonal) accounts: where they are and which attribute names their owner; unset: none. */
    serviceAccounts?: { baseDn: string; ownerAttr: string };
  };
  /** The minimum length of a service account's password (the other policy rules are shared). */
  servicePolicyMinLength: number;
  twilio: { accountSid: string; authToken: string; from: string; apiUrl?: string };
  /** Where SMS codes may go; `allowedCountries` undefined: any country (warned at start). */
  sms: { allowedCountries?: CountryCode[] };
  mail: { smtpUrl: string; from: string };
  databaseUrl?: string;
  /**
   * PASSDESK_SECRET_KEY (or the content of PASSDESK_SECRET_KEY_FILE): keys the hashes of codes,
   * fingerprints and phone numbers. Undefined only when `loadConfig` was told it is not required
   * (the demo), whose caller then passes one to `startPassdesk`.
   */
  secretKey?: string;
  defaultLocale: Locale;
  logLevel: Environment['LOG_LEVEL'];
  /** HELPDESK_CONTACT, shown as written; unset: the help desk named in the person's language (common.defaultHelpdeskContact). */
  helpdeskContact: string | undefined;
  /** Notes shown after a successful change, per locale; undefined: the built-in notes. */
  successNotes: Partial<Record<Locale, string[]>>;
  reset: {
    codeTtlMinutes: number;
    codeMaxAttempts: number;
    codeResendSeconds: number;
    identityMaxAttempts: number;
    arithmeticChallenge: boolean;
    flowTtlMinutes: number;
    /** A linked account's phone may prove the person (default: only an account the email matched). */
    linkedAccountsSharePhone: boolean;
    /**
     * How long one submission holds a flow while it writes to the directory, renewed before each
     * account; a crash leaves the flow held at most this long.
     */
    changeLeaseSeconds: number;
  };
  limits: { flowsPerDay: number; flowsPerTeamPerHour: number; smsPerHour: number; wrongAnswersPerHour: number };
  /** The validator's settings; `maxLength` is not configurable (see default-policy.ts). */
  policy: Omit<PolicySettings, 'maxLength'>;
  /** The help desk's temporary passwords; off when neither `operators` nor `operatorGroup` is set. */
  helpdesk: {
    operators: string[];
    operatorGroup?: string;
    logChannel?: string;
    protectedGroups: string[];
    limits: { perOperatorPerHour: number; perTargetPerDay: number };
  };
  ops: {
    /** Socket Mode: where /healthz, /readyz and /metrics are served (HTTP mode serves them on `slack.port`). */
    healthPort: number;
    /** How long a /readyz answer is reused before the store and directory are asked again. */
    readinessCacheSeconds: number;
    /** How long a stop waits for work in flight before closing connections anyway. */
    shutdownTimeoutSeconds: number;
  };
  auditRetentionDays: number;
  /** Region for phone numbers stored without a country code (ISO 3166, upper case). */
  phoneDefaultRegion?: CountryCode;
  reminders: {
    /** Days before the expiry, largest first. */
    windowsDays: number[];
    cron: string;
    /** The schedule's zone and the zone of dates in mails; unset: the server's. */
    timeZone?: string;
    /** The schedule inside the bot (`npm run reminders` works either way). */
    enabled: boolean;
    expiredDays: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`passdesk cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /**
   * False lets the secret key be missing (the demo, which generates one and passes it to
   * `startPassdesk`). Default true: passdesk does not start without PASSDESK_SECRET_KEY(_FILE).
   */
  requireSecretKey?: boolean;
}

/** Reads the environment. Empty values count as unset, as in most `.env` files. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  const secret = readSecretKey(present, options.requireSecretKey ?? true);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map(describeIssue)),
    ...crossFieldProblems(present),
    ...secret.problems,
    ...placeholderProblems(present, Object.keys(environmentSchema.shape)),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return { ...toConfig(parsed.data), secretKey: secret.key };
}

/** Every secret value in the configuration, for redacting text that may quote one (error messages). */
export function secretValues(config: Config): string[] {
  const smtpPassword = passwordIn(config.mail.smtpUrl);
  return [
    config.slack.botToken,
    config.slack.appToken,
    config.slack.signingSecret,
    config.ldap.bindPassword,
    config.twilio.authToken,
    smtpPassword,
    config.databaseUrl ? passwordIn(config.databaseUrl) : undefined,
    config.secretKey,
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function passwordIn(url: string): string | undefined {
  try {
    return new URL(url).password || undefined;
  } catch {
    return undefined;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.join('.') || '(environment)';
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  return `${name}: ${missing ? 'missing' : issue.message}`;
}

function toConfig(env: Environment): Config {
  const sharedNotes = env.SUCCESS_NOTES;
  const notes = (own: string[] | undefined) => own ?? sharedNotes;
  return {
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl: env.SLACK_API_URL,
      port: env.PORT,
    },
    ldap: {
      url: env.LDAP_URL,
      caFile: env.LDAP_CA_FILE,
      insecure: env.LDAP_INSECURE,
      bindDn: env.LDAP_BIND_DN,
      bindPassword: env.LDAP_BIND_PASSWORD,
      baseDn: env.LDAP_BASE_DN,
      flavor: env.LDAP_FLAVOR,
      mailAttr: env.LDAP_MAIL_ATTR,
      phoneAttr: env.LDAP_PHONE_ATTR,
      linkAttr: env.LDAP_LINK_ATTR,
      kindAttr: env.LDAP_KIND_ATTR,
      matchProxyAddresses: env.LDAP_MATCH_PROXY_ADDRESSES,
      ppolicyDn: env.LDAP_PPOLICY_DN,
      timeoutMs: env.LDAP_TIMEOUT_MS,
      connectTimeoutMs: env.LDAP_CONNECT_TIMEOUT_MS,
      poolSize: env.LDAP_POOL_SIZE,
      serviceAccounts: env.LDAP_SERVICE_BASE_DN
        ? {
          baseDn: env.LDAP_SERVICE_BASE_DN,
          // AD's schema does not allow managedBy on user objects; manager is a DN attribute it does.
          ownerAttr: env.LDAP_OWNER_ATTR ?? (env.LDAP_FLAVOR === 'ad' ? 'manager' : 'owner'),
        }
        : undefined,
    },
    servicePolicyMinLength: env.SERVICE_POLICY_MIN_LENGTH,
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      from: env.TWILIO_FROM,
      apiUrl: env.TWILIO_API_URL,
    },
    sms: { allowedCountries: env.SMS_ALLOWED_COUNTRIES },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    databaseUrl: env.DATABASE_URL,
    defaultLocale: env.DEFAULT_LOCALE,
    logLevel: env.LOG_LEVEL,
    helpdeskContact: env.HELPDESK_CONTACT,
    successNotes: {
      en: notes(env.SUCCESS_NOTES_EN),
      it: notes(env.SUCCESS_NOTES_IT),
      pl: notes(env.SUCCESS_NOTES_PL),
    },
    reset: {
      codeTtlMinutes: env.RESET_CODE_TTL_MINUTES,
      codeMaxAttempts: env.RESET_CODE_MAX_ATTEMPTS,
      codeResendSeconds: env.RESET_CODE_RESEND_SECONDS,
      identityMaxAttempts: env.RESET_IDENTITY_MAX_ATTEMPTS,
      arithmeticChallenge: env.RESET_ARITHMETIC_CHALLENGE,
      flowTtlMinutes: env.RESET_FLOW_TTL_MINUTES,
      linkedAccountsSharePhone: env.RESET_LINKED_ACCOUNTS_SHARE_PHONE,
      changeLeaseSeconds: env.RESET_CHANGE_LEASE_SECONDS,
    },
    limits: {
      flowsPerDay: env.LIMIT_FLOWS_PER_DAY,
      flowsPerTeamPerHour: env.LIMIT_FLOWS_PER_TEAM_PER_HOUR,
      smsPerHour: env.LIMIT_SMS_PER_HOUR,
      wrongAnswersPerHour: env.LIMIT_WRONG_ANSWERS_PER_HOUR,
    },
    policy: {
      minLength: env.POLICY_MIN_LENGTH,
      requireUppercase: env.POLICY_REQUIRE_UPPERCASE,
      requireLowercase: env.POLICY_REQUIRE_LOWERCASE,
      requireDigit: env.POLICY_REQUIRE_DIGIT,
      specialCharacters: env.POLICY_SPECIAL_CHARACTERS,
      forbidPersonalInfo: env.POLICY_FORBID_PERSONAL_INFO,
      minStrength: env.POLICY_MIN_STRENGTH,
      blockedWords: env.POLICY_BLOCKED_WORDS.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean),
    },
    helpdesk: {
      operators: env.HELPDESK_USERS,
      operatorGroup: env.HELPDESK_USERGROUP,
      logChannel: env.HELPDESK_LOG_CHANNEL,
      protectedGroups: env.HELPDESK_PROTECTED_GROUPS,
      limits: {
        perOperatorPerHour: env.LIMIT_HELPDESK_PER_OPERATOR_PER_HOUR,
        perTargetPerDay: env.LIMIT_HELPDESK_PER_TARGET_PER_DAY,
      },
    },
    ops: {
      healthPort: env.HEALTH_PORT,
      readinessCacheSeconds: env.READINESS_CACHE_SECONDS,
      shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    },
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    phoneDefaultRegion: env.PHONE_DEFAULT_REGION,
    reminders: {
      windowsDays: env.REMINDER_DAYS,
      cron: env.REMINDER_CRON,
      timeZone: env.REMINDER_TZ,
      enabled: env.REMINDERS_ENABLED,
      expiredDays: env.REMINDER_EXPIRED_DAYS,
    },
  };
}
