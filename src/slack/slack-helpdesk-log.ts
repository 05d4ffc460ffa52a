import type { webApi } from '@slack/bolt';
import type { Locale } from '../config';
import type { HelpdeskLog, HelpdeskLogEntry } from '../flows/temporary-password/journey-types';
import { messagesFor } from '../i18n';
import { escapeMrkdwn } from './views/shared/blocks';

/**
 * HELPDESK_LOG_CHANNEL: one line per issued temporary password or refusal, in the default
 * language. Never the password or the phone: the entry does not carry them. Without a channel,
 * nothing is posted.
 */
export class SlackHelpdeskLog implements HelpdeskLog {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly channel: string | undefined,
    private readonly locale: Locale,
  ) {}

  async post(entry: HelpdeskLogEntry): Promise<void> {
    if (!this.channel) return;
    await this.client.chat.postMessage({ channel: this.channel, text: this.line(entry), unfurl_links: false });
  }

  private line(entry: HelpdeskLogEntry): string {
    const m = messagesFor(this.locale).temporaryPassword;
    const words = m.logLine;
    const verification = entry.verification && {
      'in-person': m.verification.inPerson, 'call-back': m.verification.callBack, 'sms-code': m.verification.smsCode,
    }[entry.verification];
    const delivery = entry.delivery && { show: m.delivery.show, sms: m.delivery.sms, dm: m.delivery.dm }[entry.delivery];
    const parts = [
      `${entry.kind === 'issued' ? ':key:' : ':no_entry:'} *${entry.kind === 'issued' ? words.issued : words.refused}*`,
      `${words.operator}: <@${entry.operatorUserId}>`,
      `${words.accounts}: ${entry.accounts.length > 0 ? escapeMrkdwn(entry.accounts.join(', ')) : words.none}`,
    ];
    if (verification) parts.push(`${words.verification}: ${verification}`);
    if (entry.kind === 'issued' || entry.ticket) parts.push(`${words.ticket}: ${entry.ticket ? escapeMrkdwn(entry.ticket) : words.none}`);
    if (delivery) parts.push(`${words.delivery}: ${delivery}`);
    parts.push(`${words.result}: ${escapeMrkdwn(entry.result)}`);
    return parts.join(' · ');
  }
}
