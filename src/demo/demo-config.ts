import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Config, loadConfig } from '../config';

/** Where the demo's people live, and the demo's service account: its own names, not .env.example's placeholders. */
export const DEMO_BASE_DN = 'ou=people,dc=demo,dc=passdesk';
/** Where the demo's service (impersonal) accounts live (LDAP_SERVICE_BASE_DN): outside the people's base. */
export const DEMO_SERVICE_BASE_DN = 'ou=service-accounts,dc=demo,dc=passdesk';
const DEMO_BIND_DN = 'cn=passdesk,ou=services,dc=demo,dc=passdesk';
/** The help desk's private channel (HELPDESK_LOG_CHANNEL), shown in the page to help-desk operators. */
export const DEMO_HELPDESK_CHANNEL = { id: 'C0HELPDESK', name: '#it-helpdesk-log' } as const;

/**
 * The configuration the demo runs passdesk with: HTTP mode with request signing on, against the
 * simulator's Web API. The directory, SMS and mail settings name nothing real: the demo passes
 * its own adapters (in-memory directory, captured SMS and mail) in their place. The secret key is
 * new each run: the demo's store is thrown away with it.
 */
export function demoConfig(parts: {
  botToken: string;
  signingSecret: string;
  slackApiUrl: string;
  dataDir: string;
  helpdeskUserIds: string[];
  logLevel: string;
}): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: parts.botToken,
    SLACK_SIGNING_SECRET: parts.signingSecret,
    SLACK_API_URL: parts.slackApiUrl,
    PORT: '0',
    LDAP_URL: 'ldaps://directory.demo.invalid',
    LDAP_BIND_DN: DEMO_BIND_DN,
    LDAP_BIND_PASSWORD: 'unused-in-the-demo',
    LDAP_BASE_DN: DEMO_BASE_DN,
    LDAP_LINK_ATTR: 'employeeNumber',
    LDAP_SERVICE_BASE_DN: DEMO_SERVICE_BASE_DN,
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: 'unused-in-the-demo',
    TWILIO_FROM: '+15005550006',
    SMTP_URL: 'smtps://mail.demo.invalid',
    MAIL_FROM: 'passdesk demo <no-reply@uni.example>',
    DATABASE_URL: `sqlite:${join(parts.dataDir, 'passdesk.sqlite')}`,
    PASSDESK_SECRET_KEY: randomBytes(32).toString('hex'),
    HELPDESK_USERS: parts.helpdeskUserIds.join(','),
    HELPDESK_LOG_CHANNEL: DEMO_HELPDESK_CHANNEL.id,
    HELPDESK_CONTACT: 'the IT help desk (#it-help)',
    SMS_ALLOWED_COUNTRIES: 'IT,PL',
    // Reminders go out when the page's "Run the reminder sweep now" is clicked, not on a schedule.
    REMINDERS_ENABLED: 'false',
    LOG_LEVEL: parts.logLevel,
  });
}
