import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type App, type Receiver, ReceiverMultipleAckError } from '@slack/bolt';
import type { Clock } from '../../clock/clock';
import type { Logger } from '../../log/logger';
import { BodyTooLargeError, readLimitedBody } from './read-limited-body';
import { readSlackRequest } from './slack-request';

/** Answers a GET (or HEAD) to one path: `/healthz`, and later `/readyz`, `/metrics`. */
export type GetRoute = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface SignedHttpReceiverOptions {
  signingSecret: string;
  port: number;
  host?: string;
  logger: Logger;
  clock: Clock;
  /** Path (no query string) → handler. Every other path but `POST /slack/events` is a 404. */
  getRoutes?: Record<string, GetRoute>;
  /** Largest body accepted at `/slack/events` (default 1 MiB). */
  bodyLimitBytes?: number;
}

export const EVENTS_PATH = '/slack/events';
/** Slack's largest payloads (a view submission carrying a full 100-block modal) stay well under this. */
const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack's replay window: a request more than 5 minutes old or early is refused. */
const MAX_SKEW_SECONDS = 5 * 60;
/** On stop, how long requests already received may take to be answered before they are cut. */
const STOP_GRACE_MS = 3_500;

/**
 * passdesk's HTTP server for Slack. Only `POST /slack/events` and the GET routes exist; anything
 * else is a 404 or 405, and no request, however malformed, can throw out of the handler. A body
 * is size-limited before anything else looks at it, the signature is checked (Bolt's
 * `verifySlackRequest`, plus a refusal of timestamps from the future), and an envelope goes to
 * `app.processEvent`. If no listener acknowledged it by the time Bolt is done with it, it is
 * answered then with an empty 200, rather than after Bolt's 3-second unhandled-request wait.
 */
export class SignedHttpReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  private readonly getRoutes: Map<string, GetRoute>;
  private readonly bodyLimitBytes: number;
  private readonly logger: Logger;

  constructor(private readonly options: SignedHttpReceiverOptions) {
    this.getRoutes = new Map(Object.entries(options.getRoutes ?? {}));
    this.bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    this.logger = options.logger.child({ component: 'http' });
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<Server> {
    const server = createServer((request, response) => this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // After start-up, a server error (e.g. too many open files) is logged, never thrown.
    server.on('error', (error) => this.logger.error({ err: error.message }, 'HTTP server error'));
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    // No new requests; those already received get their answer (acks come within 3 s), then the rest are cut.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
    await closed;
    clearTimeout(cut);
  }

  /** The port actually bound (useful when started on port 0). */
  address(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    let handled: void | Promise<void>;
    try {
      handled = this.route(request, response);
    } catch (error) {
      handled = Promise.reject(error);
    }
    Promise.resolve(handled).catch((error: unknown) => {
      this.logger.error({ err: error instanceof Error ? error.name : typeof error, method: request.method }, 'HTTP request failed');
      if (!response.headersSent) answer(response, 500);
      else response.destroy();
    });
  }

  private route(request: IncomingMessage, response: ServerResponse): void | Promise<void> {
    const method = request.method ?? '';
    const path = (request.url ?? '').split('?')[0];
    if (path === EVENTS_PATH) {
      if (method === 'POST') return this.receive(request, response);
      return answer(response, 405, { allow: 'POST' });
    }
    const getRoute = this.getRoutes.get(path);
    if (getRoute) {
      if (method === 'GET' || method === 'HEAD') return getRoute(request, response);
      return answer(response, 405, { allow: 'GET, HEAD' });
    }
    this.logger.debug({ method, path: path.slice(0, 100) }, 'no such route');
    return answer(response, 404);
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.isFromTheFuture(request.headers['x-slack-request-timestamp'])) {
      this.logger.warn('refused a request signed in the future');
      return answer(response, 401, { connection: 'close' });
    }
    let raw: Buffer;
    try {
      raw = await readLimitedBody(request, this.bodyLimitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        this.logger.warn({ limitBytes: error.limitBytes }, 'refused a request body over the limit');
        return answer(response, 413, { connection: 'close' });
      }
      this.logger.debug({ err: error instanceof Error ? error.message : 'unknown' }, 'request body not received');
      return answer(response, 400, { connection: 'close' });
    }

    const slackRequest = readSlackRequest(request.headers, raw, this.options.signingSecret);
    switch (slackRequest.kind) {
      case 'ssl-check':
        return answer(response, 200);
      case 'unverified':
        this.logger.warn({ reason: slackRequest.reason }, 'refused an unverified request');
        return answer(response, 401);
      case 'malformed':
        this.logger.warn({ reason: slackRequest.reason }, 'refused a malformed signed request');
        return answer(response, 400);
      case 'envelope':
        return this.dispatch(request, response, slackRequest.body);
    }
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): Promise<void> {
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      return answerWith(response, { challenge: body.challenge });
    }
    const app = this.app;
    if (!app) return answer(response, 503);
    let acknowledged = false;
    const ack = async (reply?: unknown): Promise<void> => {
      if (acknowledged) throw new ReceiverMultipleAckError();
      acknowledged = true;
      answerWith(response, reply);
    };
    try {
      await app.processEvent({
        body,
        ack,
        retryNum: headerNumber(request.headers['x-slack-retry-num']),
        retryReason: headerText(request.headers['x-slack-retry-reason']),
      });
    } catch (error) {
      // Listener errors go to app.error inside Bolt; what escapes is Bolt unable to read the
      // payload's shape (e.g. an `event` that is null): the request's fault, so a 400.
      this.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'Bolt could not process a signed request');
      if (!acknowledged) {
        acknowledged = true;
        answer(response, 400);
      }
      return;
    }
    if (!acknowledged) {
      // No listener took it (a type or id passdesk has none for, or one it could not read):
      // nothing to do, said at once.
      acknowledged = true;
      this.logger.debug('no listener acknowledged a signed request');
      answer(response, 200);
    }
  }

  private isFromTheFuture(header: string | string[] | undefined): boolean {
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (!Number.isFinite(timestamp)) return false; // missing or malformed: refused with the signature
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    return timestamp > nowSeconds + MAX_SKEW_SECONDS;
  }
}

/** A status with no body. `connection: close` where the request's body was not (all) read. */
function answer(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, headers).end();
}

/** An ack's reply as Slack reads it: nothing, text, or JSON (a view update, field errors). */
function answerWith(response: ServerResponse, reply: unknown): void {
  if (response.headersSent || response.destroyed) return;
  if (reply === undefined || reply === null || reply === '') {
    response.writeHead(200).end();
  } else if (typeof reply === 'string') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(reply);
  } else {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply));
  }
}

function headerText(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function headerNumber(header: string | string[] | undefined): number | undefined {
  const value = Number.parseInt(headerText(header) ?? '', 10);
  return Number.isNaN(value) ? undefined : value;
}
