/** Sends one text message. Adapter: `twilio-sms-sender.ts`. */
export interface SmsSender {
  /** Resolves with the provider's message id (Twilio SID). Throws SmsError on failure. */
  send(to: string, body: string): Promise<{ messageId: string }>;
}

export class SmsError extends Error {
  constructor(
    message: string,
    /** Provider error code when it gave one (Twilio `code`). */
    readonly providerCode?: number,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}
