import type { types, webApi } from '@slack/bolt';
import type { DirectMessenger, MessageButton } from '../notification/direct-messenger';
import { escapeMrkdwn } from './views/shared/blocks';

/** DMs a person from the bot: opens (or finds) the IM channel, then posts, with buttons under the text when given. */
export class SlackDirectMessenger implements DirectMessenger {
  constructor(private readonly client: webApi.WebClient) {}

  async sendDirectMessage(userId: string, text: string, buttons: MessageButton[] = []): Promise<void> {
    const opened = await this.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    const blocks: types.KnownBlock[] | undefined = buttons.length === 0 ? undefined : [
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } },
      {
        type: 'actions',
        block_id: 'message_buttons',
        elements: buttons.map((button) => ({
          type: 'button', action_id: button.id, text: { type: 'plain_text', text: button.label }, value: button.value,
        })),
      },
    ];
    await this.client.chat.postMessage({ channel, text, blocks });
  }
}
