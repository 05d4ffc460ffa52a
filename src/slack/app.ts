import { App, SocketModeReceiver, type webApi } from '@slack/bolt';
import { systemClock } from '../clock/clock';
import type { Config } from '../config';
import type { Logger } from '../log/logger';
import { boltLogger } from './bolt-logger';
import { healthz } from './http/health-route';
import { type GetRoute, SignedHttpReceiver } from './http/signed-http-receiver';
import { PendingAcks } from './socket-mode-acks';

export interface SlackApp {
  app: App;
  /** Set in HTTP mode. */
  httpReceiver?: SignedHttpReceiver;
  /** Set in Socket Mode: requests whose answer has still to go back over the WebSocket. */
  pendingAcks?: PendingAcks;
}

export interface SlackAppOptions {
  /** HTTP mode: GET routes served beside `/healthz` (path without query string → handler). */
  getRoutes?: Record<string, GetRoute>;
  /** The fetch every Web API client uses (metrics count failed calls on the way). */
  fetch?: webApi.FetchFunction;
}

/**
 * The Bolt app: Socket Mode when an app-level token is set, otherwise HTTP at
 * `POST /slack/events`. `SLACK_API_URL` redirects every Web API call (egress proxies, tests).
 */
export function createSlackApp(settings: Config['slack'], logger: Logger, options: SlackAppOptions = {}): SlackApp {
  const slackLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: settings.apiUrl ? withTrailingSlash(settings.apiUrl) : undefined,
    fetch: options.fetch,
    // An interactive flow cannot wait out the SDK's default half hour of retries.
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
    logger: slackLogger,
  };
  const common = {
    token: settings.botToken,
    logger: slackLogger,
    clientOptions,
    // `auth.test` runs in `start()`, once, where a bad token stops start-up with a clear error.
    deferInitialization: true,
  };
  if (settings.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger: slackLogger,
      installerOptions: { clientOptions },
    });
    return { app: new App({ ...common, receiver }), pendingAcks: new PendingAcks(receiver.client) };
  }
  if (!settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
  const httpReceiver = new SignedHttpReceiver({
    signingSecret: settings.signingSecret,
    port: settings.port,
    logger,
    clock: systemClock,
    getRoutes: { '/healthz': healthz, ...options.getRoutes },
  });
  return { app: new App({ ...common, receiver: httpReceiver }), httpReceiver };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
