import type { Config } from './config';
import { listsPlainLdapUrl } from './directory/ldap-urls';

/**
 * Settings that weaken passdesk's security. Those that hand a secret to whoever sits on the
 * network are refused at start; those with a real use (a lab directory, an internal mail relay
 * with a self-signed certificate, both Slack modes configured while switching) start with a
 * warning naming the setting, never its value (SMTP_URL may hold a password).
 */

export interface UnsafeSettingWarning {
  /** The variable to look at. */
  setting: string;
  message: string;
}

/** Refusals, checked on the raw environment so they come with every other configuration problem. */
export function unsafeSettingProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const insecure = ['true', '1', 'yes', 'on', 'y', 'enabled'].includes((env.LDAP_INSECURE ?? '').toLowerCase());
  if (listsPlainLdapUrl(env.LDAP_URL ?? '') && insecure && env.LDAP_FLAVOR === 'ad') {
    problems.push('LDAP_INSECURE: Active Directory refuses password writes without TLS; use ldaps:// or StartTLS');
  }
  const smtp = env.SMTP_URL ? smtpTransport(env.SMTP_URL) : undefined;
  if (smtp?.hasCredentials && smtp.credentialsMayTravelInClear) {
    problems.push('SMTP_URL: a user and password over smtp:// need ?requireTLS=true (and no ignoreTLS), or use smtps://, or they could travel in clear');
  }
  if (smtp?.hasCredentials && !smtp.checksCertificate) {
    problems.push('SMTP_URL: tls.rejectUnauthorized turns certificate checks off, so anyone in the middle could take the SMTP password; trust the server\'s CA with NODE_EXTRA_CA_CERTS in the process environment instead');
  }
  return problems;
}

/** Allowed, but logged at warn when passdesk starts. */
export function unsafeSettingWarnings(config: Config): UnsafeSettingWarning[] {
  const warnings: UnsafeSettingWarning[] = [];
  if (config.ldap.insecure && listsPlainLdapUrl(config.ldap.url)) {
    warnings.push({
      setting: 'LDAP_INSECURE',
      message: 'LDAP_INSECURE=true: the directory is spoken to in plain text, so the service account\'s password and every new password cross the network readable; use ldaps:// or StartTLS outside a lab',
    });
  }
  if (!smtpTransport(config.mail.smtpUrl).checksCertificate) {
    warnings.push({
      setting: 'SMTP_URL',
      message: 'SMTP_URL turns certificate checks off (tls.rejectUnauthorized): anyone in the middle can read or change the password-change notices; trust the server\'s CA with NODE_EXTRA_CA_CERTS in the process environment instead',
    });
  }
  if (config.slack.appToken && config.slack.signingSecret) {
    warnings.push({
      setting: 'SLACK_SIGNING_SECRET',
      message: 'SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are both set: passdesk runs in Socket Mode and ignores SLACK_SIGNING_SECRET and PORT; unset the one you do not use',
    });
  }
  if (!config.sms.allowedCountries) {
    warnings.push({
      setting: 'SMS_ALLOWED_COUNTRIES',
      message: 'SMS_ALLOWED_COUNTRIES is unset: SMS codes may be sent to a number in any country, so a registered premium-rate number abroad could run up Twilio charges (SMS pumping); list the countries your people\'s phones are in, e.g. IT,PL',
    });
  }
  return warnings;
}

interface SmtpTransport {
  hasCredentials: boolean;
  /** smtp:// uses STARTTLS only when the server offers it, unless told to require it. */
  credentialsMayTravelInClear: boolean;
  checksCertificate: boolean;
}

/** What nodemailer will do with this URL (its query parameters are transport options). */
function smtpTransport(smtpUrl: string): SmtpTransport {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // The schema reports a malformed URL.
    return { hasCredentials: false, credentialsMayTravelInClear: false, checksCertificate: true };
  }
  const option = (name: string) => url.searchParams.getAll(name);
  const rejectUnauthorized = option('tls.rejectUnauthorized');
  return {
    hasCredentials: url.username !== '' || url.password !== '',
    credentialsMayTravelInClear:
      url.protocol === 'smtp:' && (!option('requireTLS').some(isTrue) || option('ignoreTLS').some(isTrue)),
    checksCertificate: rejectUnauthorized.every(isTrue),
  };
}

/** A URL option as nodemailer reads it: `true`/`false`, numbers by their value, other text as true. */
function isTrue(value: string): boolean {
  if (value === 'false') return false;
  if (value === 'true') return true;
  const number = Number(value);
  return Number.isNaN(number) ? value !== '' : number !== 0;
}
