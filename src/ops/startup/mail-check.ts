import type { SmtpMailer } from '../../mail/smtp-mailer';
import { MailDeliveryError } from '../../mail/smtp-mailer';
import { networkCodeOf, type StartupCheck } from './startup-checks';

/** Connects to the SMTP relay (and logs in, when SMTP_URL has a user) without sending anything. */
export function mailCheck(mailer: Pick<SmtpMailer, 'verify'>): StartupCheck {
  return {
    name: 'mail',
    async run() {
      try {
        await mailer.verify();
      } catch (error) {
        throw new Error(describeMailFailure(error));
      }
    },
  };
}

function describeMailFailure(error: unknown): string {
  const code = error instanceof MailDeliveryError ? error.code : undefined;
  if (code === 'EAUTH') return 'the SMTP server refused the login of the user in SMTP_URL';
  if (code === 'ETLS') return 'TLS with the SMTP server failed (SMTP_URL)';
  const network = networkCodeOf(error);
  if (network || code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'EDNS') {
    return `cannot connect to the SMTP server in SMTP_URL (${network ?? code})`;
  }
  if (code === 'ESOCKET') return 'the connection to the SMTP server in SMTP_URL failed (TLS certificate or protocol)';
  return `the SMTP server in SMTP_URL did not accept the connection (${code ?? 'unknown error'})`;
}
