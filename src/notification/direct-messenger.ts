/** Sends a direct message to a chat user (Slack adapter: `slack/slack-direct-messenger.ts`). */
export interface DirectMessenger {
  sendDirectMessage(userId: string, text: string): Promise<void>;
}
