/**
 * A provisioned Samba AD domain, made once per machine and Samba version and kept under
 * os.tmpdir(): provisioning takes seconds, copying the result a few milliseconds. Each run copies
 * it (see samba.ts) and never starts Samba in the template itself.
 *
 * The domain: uni.example, people under OU=People, password settings in SAMBA_PASSWORD_SETTINGS,
 * service accounts under OU=Service Accounts, and a service account (not an administrator)
 * allowed to reset passwords and write pwdLastSet on users under those two OUs only, lockoutTime
 * under OU=People, and to read fine-grained password policies (their lockout threshold, and the
 * shortest maximum age that bounds the expiry-reminder search).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SAMBA_DOMAIN = {
  realm: 'UNI.EXAMPLE',
  workgroup: 'UNI',
  hostName: 'dc1',
  domainDn: 'DC=uni,DC=example',
  peopleDn: 'OU=People,DC=uni,DC=example',
  /** Service (impersonal) accounts, each with its owner's DN in `manager` (LDAP_SERVICE_BASE_DN). */
  serviceAccountsDn: 'OU=Service Accounts,DC=uni,DC=example',
  passwordSettingsDn: 'CN=Password Settings Container,CN=System,DC=uni,DC=example',
  upnSuffix: 'uni.example',
  adminDn: 'CN=Administrator,CN=Users,DC=uni,DC=example',
  serviceUser: 'passdesk-svc',
  serviceDn: 'CN=passdesk-svc,CN=Users,DC=uni,DC=example',
} as const;

/** What `samba-tool domain passwordsettings set` applies to the template domain. */
export const SAMBA_PASSWORD_SETTINGS = {
  minLength: 8,
  complexity: true,
  historyLength: 5,
  /** Lets tests change a password twice in a row. */
  minAgeDays: 0,
  /** So accounts have an expiry to read. */
  maxAgeDays: 90,
  /** So failed binds lock an account (tests make one locked this way). */
  lockoutThreshold: 5,
  lockoutDurationMinutes: 30,
} as const;

/** Change when the recipe below changes: it is part of the cache key. */
const RECIPE_VERSION = 3;

/** Control access right "Reset Password" (User-Force-Change-Password). */
const RESET_PASSWORD_RIGHT = '00299570-246d-11d0-a768-00aa006e0529';
/** Attribute pwdLastSet. */
const PWD_LAST_SET_ATTRIBUTE = 'bf967a0a-0de6-11d0-a285-00aa003049e2';
/** Attribute lockoutTime (the help desk unlocks accounts). */
const LOCKOUT_TIME_ATTRIBUTE = '28630ebf-41d5-11d1-a9c1-0000f80367c1';
/** Object class user. */
const USER_CLASS = 'bf967aba-0de6-11d0-a285-00aa003049e2';

export interface SambaTemplate {
  /** The provisioned tree (etc/, private/, state/ ...): copy it, never run Samba in it. */
  dir: string;
  adminPassword: string;
  servicePassword: string;
  /** Seconds spent provisioning this template (0 when it came from the cache). */
  provisionSeconds: number;
}

interface TemplateRecord {
  adminPassword: string;
  servicePassword: string;
  provisionSeconds: number;
}

const RECORD_FILE = 'passdesk-template.json';

/** The cached template for this Samba version, provisioning it first when missing. */
export async function ensureSambaTemplate(signal?: AbortSignal): Promise<SambaTemplate> {
  const { stdout: version } = await run('samba', ['--version'], { signal });
  const key = createHash('sha256')
    // The recipe's own text is part of the key too, so an edit cannot reuse a stale template.
    .update(JSON.stringify({ version: version.trim(), RECIPE_VERSION, SAMBA_DOMAIN, SAMBA_PASSWORD_SETTINGS, recipe: provisionInto.toString() }))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `passdesk-samba-template-${key}`);
  const cached = existsSync(join(dir, RECORD_FILE));
  if (!cached) await provisionInto(dir, signal);
  const record = JSON.parse(readFileSync(join(dir, RECORD_FILE), 'utf8')) as TemplateRecord;
  return { dir, ...record, provisionSeconds: cached ? 0 : record.provisionSeconds };
}

async function provisionInto(finalDir: string, signal: AbortSignal | undefined): Promise<void> {
  const started = performance.now();
  const buildDir = mkdtempSync(join(tmpdir(), 'passdesk-samba-build-'));
  try {
    const target = join(buildDir, 'dc');
    // An empty base configuration, so Debian's /etc/samba/smb.conf is not merged in.
    const emptyConf = join(buildDir, 'empty.conf');
    writeFileSync(emptyConf, '');
    const adminPassword = generatePassword();
    const servicePassword = generatePassword();

    await run('samba-tool', [
      'domain', 'provision', '-s', emptyConf,
      `--realm=${SAMBA_DOMAIN.realm}`, `--domain=${SAMBA_DOMAIN.workgroup}`, `--host-name=${SAMBA_DOMAIN.hostName}`,
      '--server-role=dc', '--dns-backend=NONE', `--adminpass=${adminPassword}`, `--targetdir=${target}`,
      '--option=interfaces=127.0.0.1', '--option=bind interfaces only=yes', '--option=server services=ldap',
    ], { signal, maxBuffer: 16 * 1024 * 1024 });

    // Offline on the new database: no server is running.
    const tool = async (...args: string[]) => (await run('samba-tool', [
      ...args, '-s', join(target, 'etc', 'smb.conf'), '-H', join(target, 'private', 'sam.ldb'),
    ], { signal })).stdout;
    const settings = SAMBA_PASSWORD_SETTINGS;
    await tool('domain', 'passwordsettings', 'set',
      `--complexity=${settings.complexity ? 'on' : 'off'}`, `--history-length=${settings.historyLength}`,
      `--min-pwd-length=${settings.minLength}`, `--min-pwd-age=${settings.minAgeDays}`,
      `--max-pwd-age=${settings.maxAgeDays}`, `--account-lockout-threshold=${settings.lockoutThreshold}`,
      `--account-lockout-duration=${settings.lockoutDurationMinutes}`,
      `--reset-account-lockout-after=${settings.lockoutDurationMinutes}`);
    await tool('ou', 'create', SAMBA_DOMAIN.peopleDn);
    await tool('ou', 'create', SAMBA_DOMAIN.serviceAccountsDn);
    await tool('user', 'create', SAMBA_DOMAIN.serviceUser, servicePassword);
    // The cached template may outlive the maximum password age.
    await tool('user', 'setexpiry', SAMBA_DOMAIN.serviceUser, '--noexpiry');
    await tool('user', 'setexpiry', 'Administrator', '--noexpiry');
    const shown = await tool('user', 'show', SAMBA_DOMAIN.serviceUser, '--attributes=objectSid');
    const sid = /^objectSid: (S-[\d-]+)$/m.exec(shown)?.[1];
    if (!sid) throw new Error(`samba template: no objectSid for ${SAMBA_DOMAIN.serviceUser} in: ${shown}`);
    // Inherited by user objects under OU=People only: the "Reset Password" right, writing pwdLastSet
    // and (for the help desk's unlock) lockoutTime.
    await tool('dsacl', 'set', `--objectdn=${SAMBA_DOMAIN.peopleDn}`, `--sddl=${[
      `(OA;CIIO;CR;${RESET_PASSWORD_RIGHT};${USER_CLASS};${sid})`,
      `(OA;CIIO;WP;${PWD_LAST_SET_ATTRIBUTE};${USER_CLASS};${sid})`,
      `(OA;CIIO;WP;${LOCKOUT_TIME_ATTRIBUTE};${USER_CLASS};${sid})`,
    ].join('')}`);
    // The same on service accounts (their owners reset them), without lockoutTime.
    await tool('dsacl', 'set', `--objectdn=${SAMBA_DOMAIN.serviceAccountsDn}`, `--sddl=${[
      `(OA;CIIO;CR;${RESET_PASSWORD_RIGHT};${USER_CLASS};${sid})`,
      `(OA;CIIO;WP;${PWD_LAST_SET_ATTRIBUTE};${USER_CLASS};${sid})`,
    ].join('')}`);
    // Reading fine-grained password policies (their lockout threshold): only admins may by default.
    await tool('dsacl', 'set', `--objectdn=${SAMBA_DOMAIN.passwordSettingsDn}`, `--sddl=(A;CI;RPLCLORC;;;${sid})`);

    const record: TemplateRecord = {
      adminPassword,
      servicePassword,
      provisionSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
    writeFileSync(join(target, RECORD_FILE), JSON.stringify(record));
    try {
      renameSync(target, finalDir);
    } catch (error) {
      // Another run finished the same template first: use that one.
      if (!existsSync(join(finalDir, RECORD_FILE))) throw error;
    }
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

/** Meets AD complexity (upper, lower, digit, symbol) whatever the random part is. */
function generatePassword(): string {
  return `Pd-${randomBytes(12).toString('base64url')}-9x!`;
}
