import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HeldCall } from './fake-slack';
import { closeServer, listenOnLoopback, readBody, sendJson } from './loopback-http';
import { Recorder } from './recorder';

/** One message Twilio accepted. */
export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  /** Every form field as sent by the SDK (`To`, `From`, `Body`, …). */
  params: Record<string, string>;
}

/** A Twilio REST error to answer with (https://www.twilio.com/docs/api/errors). */
export interface TwilioFailure {
  status: number;
  code: number;
  message: string;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]+)\/Messages\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Twilio's Messages API on 127.0.0.1 as the real SDK calls it: form-encoded POST with Basic auth
 * (account SID : auth token), 201 with a Message resource, Twilio's error JSON otherwise.
 * `url` is what `TWILIO_API_URL` takes.
 */
export class FakeTwilio {
  readonly url: string;
  private readonly recorded = new Recorder<FakeTwilioMessage>((message) => `SMS to ${message.to}`);
  private readonly failures: TwilioFailure[] = [];
  private readonly holds: { arrive(): void; released: Promise<void> }[] = [];

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly credentials: { accountSid: string; authToken: string },
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
    let fake: FakeTwilio | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    const port = await listenOnLoopback(server);
    fake = new FakeTwilio(server, port, credentials);
    return fake;
  }

  get messages(): readonly FakeTwilioMessage[] {
    return this.recorded.all;
  }

  /** Resolves with the first message to `to` (already sent or still to come). */
  waitForMessage(to: string, timeoutMs = 5000): Promise<FakeTwilioMessage> {
    return this.recorded.waitFor((message) => message.to === to, timeoutMs, `an SMS to ${to}`);
  }

  /** The next message request is answered with this error instead (queued, in order). */
  failNext(failure: TwilioFailure): void {
    this.failures.push(failure);
  }

  /** The next message request waits, unanswered, until `release()`; then it is handled as usual (an SMS in flight). */
  holdNext(): HeldCall {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ arrive, released });
    return { arrived, release };
  }

  reset(): void {
    this.recorded.clear();
    this.failures.length = 0;
  }

  async stop(): Promise<void> {
    this.recorded.cancelWaits('fake Twilio stopped');
    await closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', this.url).pathname;
    const match = MESSAGES_PATH.exec(path);
    if (request.method !== 'POST' || !match) {
      twilioError(response, { status: 404, code: 20404, message: `The requested resource ${path} was not found` });
      return;
    }
    const accountSid = match[1];
    if (!this.authorised(request.headers.authorization) || accountSid !== this.credentials.accountSid) {
      twilioError(response, { status: 401, code: 20003, message: 'Authenticate' });
      return;
    }
    const hold = this.holds.shift();
    if (hold) {
      hold.arrive();
      await hold.released;
    }
    const failure = this.failures.shift();
    if (failure) {
      twilioError(response, failure);
      return;
    }
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const problem = invalidMessage(params);
    if (problem) {
      twilioError(response, problem);
      return;
    }
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to: params.To,
      from: params.From,
      body: params.Body,
      params,
    };
    this.recorded.add(message);
    sendJson(response, 201, messageResource(message));
  }

  private authorised(header: string | undefined): boolean {
    if (!header?.startsWith('Basic ')) return false;
    const given = Buffer.from(header.slice('Basic '.length), 'base64');
    const expected = Buffer.from(`${this.credentials.accountSid}:${this.credentials.authToken}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

export function startFakeTwilio(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
  return FakeTwilio.start(credentials);
}

/** Twilio's own checks, with its codes and wording (which quotes the number, as Twilio's does). */
function invalidMessage(params: Record<string, string>): TwilioFailure | undefined {
  if (!params.To) return { status: 400, code: 21604, message: "A 'To' phone number is required." };
  if (!params.From && !params.MessagingServiceSid) return { status: 400, code: 21603, message: "A 'From' phone number is required." };
  if (!params.Body && !params.MediaUrl && !params.ContentSid) return { status: 400, code: 21602, message: 'Message body is required.' };
  if (!E164.test(params.To)) return { status: 400, code: 21211, message: `The 'To' number ${params.To} is not a valid phone number.` };
  return undefined;
}

function twilioError(response: ServerResponse, failure: TwilioFailure): void {
  sendJson(response, failure.status, {
    code: failure.code,
    message: failure.message,
    more_info: `https://www.twilio.com/docs/errors/${failure.code}`,
    status: failure.status,
  });
}

function messageResource(message: FakeTwilioMessage) {
  const now = new Date().toUTCString().replace('GMT', '+0000');
  const uri = `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`;
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: message.params.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: 'queued',
    subresource_uris: { media: uri.replace('.json', '/Media.json') },
    to: message.to,
    uri,
  };
}
