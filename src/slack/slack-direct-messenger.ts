import type { webApi } from '@slack/bolt';
import type { DirectMessenger } from '../notification/direct-messenger';

/** DMs a person from the bot: opens (or finds) the IM channel, then posts. */
export class SlackDirectMessenger implements DirectMessenger {
  constructor(private readonly client: webApi.WebClient) {}

  async sendDirectMessage(userId: string, text: string): Promise<void> {
    const opened = await this.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await this.client.chat.postMessage({ channel, text });
  }
}
