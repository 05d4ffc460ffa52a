import type { MailMessage, Mailer } from '../mail/mailer';
import type { SmsSender } from '../sms/sms-sender';

export interface CapturedSms {
  to: string;
  body: string;
  at: string;
}

export interface CapturedMail extends MailMessage {
  at: string;
}

/** The demo's SMS and mail: kept for the simulator's side panels instead of being sent. */
export class CapturedOutbox {
  readonly sms: CapturedSms[] = [];
  readonly mail: CapturedMail[] = [];

  readonly smsSender: SmsSender = {
    send: async (to, body) => {
      this.sms.push({ to, body, at: new Date().toISOString() });
      return { messageId: `SMdemo${String(this.sms.length).padStart(6, '0')}` };
    },
  };

  readonly mailer: Mailer = {
    send: async (message) => {
      this.mail.push({ ...message, at: new Date().toISOString() });
    },
    close: async () => {
      // Nothing to close: nothing was ever connected.
    },
  };
}
