/**
 * The expiry reminder by mail, for people passdesk cannot find in Slack: the same facts as the DM
 * (which account, which date, in the mail's time zone) and the seed's instructions.
 */
import type { MailReminderChannel, Reminder } from '../flows/expiry-reminders/reminder-ports';
import { messagesFor } from '../i18n';
import { dateWords, formatDateTimeInZone } from '../i18n/dates';
import type { Mailer } from '../mail/mailer';

export class ExpiryReminderMailer implements MailReminderChannel {
  /** `helpdeskContact`: HELPDESK_CONTACT as written; unset, the help desk is named in the mail's language. */
  constructor(private readonly mailer: Mailer, private readonly helpdeskContact: string | undefined) {}

  async send(addresses: string[], reminder: Reminder): Promise<void> {
    const words = messagesFor(reminder.locale).expiryReminders;
    const count = reminder.accounts.length;
    const allExpired = reminder.accounts.every((account) => account.expired);
    const lines = reminder.accounts.map((account) => {
      const date = dateWords(formatDateTimeInZone(reminder.locale, account.expiresAt, reminder.timeZone), account.expiresAt, reminder.timeZone);
      return `- ${plain(account.expired ? words.accountExpired(account.username, date) : words.accountExpires(account.username, date))}`;
    });
    const heading = plain(allExpired ? words.expiredHeading(count) : words.dmHeading(count));
    await this.mailer.send({
      to: addresses.join(', '),
      subject: allExpired ? words.mail.expiredSubject(count) : words.mail.subject(count),
      text: [`${heading}:`, '', ...lines, '', words.mail.instructions(this.helpdeskContact ?? messagesFor(reminder.locale).common.defaultHelpdeskContact, reminder.accounts.some((account) => account.expired)), ''].join('\n'),
    });
  }
}

/** Chat formatting out: emoji codes, bold stars, code ticks. */
function plain(text: string): string {
  return text.replace(/^:[a-z_]+:\s*/, '').replace(/[*`]/g, '');
}
