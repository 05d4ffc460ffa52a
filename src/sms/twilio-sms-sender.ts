import twilio from 'twilio';
import { RedirectingRequestClient } from './redirecting-request-client';
import { SmsError, type SmsSender } from './sms-sender';

export interface TwilioSmsSettings {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164) or alphanumeric sender id. */
  from: string;
  /** Base URL replacing https://api.twilio.com (`TWILIO_API_URL`: egress proxies, tests). */
  apiUrl?: string;
  /** Per request; an interactive flow cannot wait the SDK's default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** What well-known Twilio error codes mean, in words that carry no number or text. */
const KNOWN_CODES: Record<number, string> = {
  20003: 'authentication failed',
  20429: 'too many requests',
  21211: "invalid 'To' number",
  21408: 'destination region not enabled',
  21606: "'From' number cannot send SMS",
  21610: 'recipient has opted out',
  21612: 'destination not reachable from this sender',
  21614: "'To' is not a mobile number",
};

/** Sends SMS through Twilio's Messages API with the official SDK. */
export class TwilioSmsSender implements SmsSender {
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSmsSettings) {
    const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // No retries (autoRetry only ever retries 429s, and it is off), a bounded timeout, and no
    // keep-alive: sends are rare, and a stale pooled socket would only turn into a reset.
    const httpClient = new RedirectingRequestClient(settings.apiUrl, { timeout, autoRetry: false, keepAlive: false });
    this.client = twilio(settings.accountSid, settings.authToken, { httpClient, autoRetry: false, timeout });
  }

  async send(to: string, body: string): Promise<{ messageId: string }> {
    try {
      const message = await this.client.messages.create({ to, from: this.settings.from, body });
      return { messageId: message.sid };
    } catch (error) {
      throw toSmsError(error);
    }
  }
}

/**
 * Our own words only: Twilio's messages can quote the phone number, and the SDK's errors carry the
 * request (auth header, body with the code), so neither the message nor the error is kept as cause.
 */
export function toSmsError(error: unknown): SmsError {
  const status = numberField(error, 'status');
  if (status !== undefined) {
    const code = numberField(error, 'code');
    const meaning = code === undefined ? undefined : KNOWN_CODES[code];
    const details = [`HTTP ${status}`, code === undefined ? undefined : `code ${code}`, meaning].filter(Boolean).join(', ');
    return new SmsError(`Twilio refused the message (${details})`, code);
  }
  const networkCode = stringField(error, 'code');
  if (networkCode === 'ECONNABORTED' || networkCode === 'ETIMEDOUT') return new SmsError('Twilio did not answer in time');
  if (networkCode && /^E[A-Z_]+$/.test(networkCode)) return new SmsError(`could not reach Twilio (${networkCode})`);
  return new SmsError('sending the SMS through Twilio failed');
}

function numberField(value: unknown, key: string): number | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}
