import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type App, HTTPReceiver, type Logger as SlackLogger, type Receiver } from '@slack/bolt';
import type { Clock } from '../clock/clock';

/** Slack's replay window: a request more than 5 minutes old or early is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTPReceiver (signature and stale-timestamp checks) behind our own server, which also
 * refuses timestamps from the future (Bolt only checks old ones) and answers `GET /healthz`.
 */
export class SignedHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server?: Server;

  constructor(
    private readonly options: { signingSecret: string; port: number; host?: string; logger: SlackLogger; clock: Clock },
  ) {
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: '/slack/events',
      logger: options.logger,
    });
  }

  init(app: App): void {
    this.inner.init(app);
  }

  async start(): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The port actually bound (useful when started on port 0). */
  address(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (this.isFromTheFuture(req.headers['x-slack-request-timestamp'])) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    this.inner.requestListener(req, res);
  }

  private isFromTheFuture(header: string | string[] | undefined): boolean {
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (!Number.isFinite(timestamp)) return false; // missing or malformed: Bolt refuses it
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    return timestamp > nowSeconds + MAX_SKEW_SECONDS;
  }
}
