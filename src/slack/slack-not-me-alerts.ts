import type { webApi } from '@slack/bolt';
import type { Locale } from '../config';
import type { NotMeAlerts } from '../flows/not-me/not-me-report';
import { messagesFor } from '../i18n';
import { escapeMrkdwn } from './views/shared/blocks';

/** Posts "this wasn't me" to HELPDESK_LOG_CHANNEL (in DEFAULT_LOCALE); nothing when it is unset. */
export class SlackNotMeAlerts implements NotMeAlerts {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly channel: string | undefined,
    private readonly locale: Locale,
  ) {}

  async post(alert: Parameters<NotMeAlerts['post']>[0]): Promise<void> {
    if (!this.channel) return;
    const words = messagesFor(this.locale).common.notMe;
    const when = alert.at.toISOString().replace('T', ' ').slice(0, 16);
    const text = words.alert(`<@${alert.slackUserId}>`, escapeMrkdwn(alert.accounts.join(', ')), when, words.via[alert.via]);
    await this.client.chat.postMessage({ channel: this.channel, text, unfurl_links: false });
  }
}
