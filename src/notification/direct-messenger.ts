/** A button under a direct message; `value` comes back when it is pressed. */
export interface MessageButton {
  /** What the button does, e.g. `password-changed.not-me` (the Slack action id). */
  id: string;
  label: string;
  value: string;
}

/** Sends a direct message to a chat user (Slack adapter: `slack/slack-direct-messenger.ts`). */
export interface DirectMessenger {
  sendDirectMessage(userId: string, text: string, buttons?: MessageButton[]): Promise<void>;
}
