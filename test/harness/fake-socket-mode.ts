import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { FakeSlack } from './fake-slack';
import { closeServer, listenOnLoopback } from './loopback-http';

export const FAKE_APP_TOKEN = 'xapp-1-A0PASSDESK-0000000000-fake-app-token';

/** The app's answer to an envelope: `payload` is what it passed to `ack()` (absent when nothing). */
export interface SocketModeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/**
 * Slack's Socket Mode side on 127.0.0.1. `apps.connections.open` on the fake Web API (with the
 * xapp- token) hands out a one-use `ws://…/link/?ticket=…` URL; on connect the server says `hello`
 * (which is what @slack/socket-mode waits for), then delivers envelopes and waits for the app's ack.
 * It never pings first: the client only starts its server-ping timeout after a first ping, and it
 * pings us (ws answers pongs by itself). Stop the Bolt app before stopping this, or the client will
 * try to reconnect.
 */
export class FakeSocketMode {
  readonly appToken: string;
  private readonly tickets = new Set<string>();
  private readonly clients = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, { resolve: (ack: SocketModeAck) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly connectionWaiters = new Set<ConnectionWaiter>();
  private connectionCount = 0;

  private constructor(
    private readonly slack: FakeSlack,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly origin: string,
    appToken: string,
  ) {
    this.appToken = appToken;
  }

  static async start(options: { slack: FakeSlack; appToken?: string }): Promise<FakeSocketMode> {
    const server = createServer((_request, response) => response.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true });
    const port = await listenOnLoopback(server);
    const fake = new FakeSocketMode(options.slack, server, wss, `ws://127.0.0.1:${port}`, options.appToken ?? FAKE_APP_TOKEN);
    server.on('upgrade', (request, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (url.pathname !== '/link/' || !fake.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (client) => fake.accept(client));
    });
    options.slack.attachSocketMode({ appToken: fake.appToken, openConnection: () => fake.issueUrl() });
    return fake;
  }

  get connected(): boolean {
    return this.openClient() !== undefined;
  }

  /** How many WebSocket connections were accepted so far (a reconnect adds one). */
  get connections(): number {
    return this.connectionCount;
  }

  /** Resolves once an app is connected (it has been sent `hello`). */
  waitForConnection(timeoutMs = 5000): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: ConnectionWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.connectionWaiters.delete(waiter);
          reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.connectionWaiters.add(waiter);
    });
  }

  /** Delivers one envelope to the connected app and resolves with its ack. */
  async deliver(type: EnvelopeType, payload: Record<string, unknown>, timeoutMs = 5000): Promise<SocketModeAck> {
    await this.waitForConnection(timeoutMs);
    const client = this.openClient();
    if (!client) throw new Error('the Socket Mode client went away');
    const envelopeId = randomUUID();
    const acked = new Promise<SocketModeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for the ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, { resolve, reject, timer });
    });
    client.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  /** Slack's "please reconnect" (`refresh_requested`): the client should open a new connection. */
  requestReconnect(): void {
    for (const client of this.clients) {
      client.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake-socket-mode' } }));
    }
  }

  async stop(): Promise<void> {
    this.slack.attachSocketMode(undefined);
    for (const [, pending] of this.pendingAcks) {
      clearTimeout(pending.timer);
      pending.reject(new Error('fake Socket Mode stopped'));
    }
    this.pendingAcks.clear();
    this.settleConnectionWaiters((waiter) => waiter.reject(new Error('fake Socket Mode stopped')));
    await this.letClientsLeave(1000);
    for (const client of this.clients) client.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await closeServer(this.server);
  }

  /**
   * Closes each connection with a close handshake before cutting it: cut off mid-handshake (the app
   * was just stopped and sent its close frame), @slack/socket-mode keeps a 30 s timer waiting for ours.
   */
  private async letClientsLeave(timeoutMs: number): Promise<void> {
    const leaving = [...this.clients].map(
      (client) =>
        new Promise<void>((resolve) => {
          if (client.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(resolve, timeoutMs);
          client.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          if (client.readyState === WebSocket.OPEN) client.close(1001, 'going away');
        }),
    );
    await Promise.all(leaving);
  }

  private issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.origin}/link/?ticket=${ticket}&app_id=${this.slack.appId}`;
  }

  private accept(client: WebSocket): void {
    this.clients.add(client);
    this.connectionCount += 1;
    client.on('message', (data, isBinary) => this.receive(data, isBinary));
    client.on('close', () => this.clients.delete(client));
    client.on('error', () => this.clients.delete(client));
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.clients.size,
        debug_info: { host: 'fake-socket-mode', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: this.slack.appId },
      }),
    );
    this.settleConnectionWaiters((waiter) => waiter.resolve());
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { envelope_id: envelopeId, payload } = message as { envelope_id?: unknown; payload?: unknown };
    if (typeof envelopeId !== 'string') return;
    const pending = this.pendingAcks.get(envelopeId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingAcks.delete(envelopeId);
    const hasPayload = typeof payload === 'object' && payload !== null && Object.keys(payload).length > 0;
    pending.resolve({ envelope_id: envelopeId, payload: hasPayload ? (payload as Record<string, unknown>) : undefined });
  }

  private settleConnectionWaiters(settle: (waiter: ConnectionWaiter) => void): void {
    for (const waiter of this.connectionWaiters) {
      clearTimeout(waiter.timer);
      settle(waiter);
    }
    this.connectionWaiters.clear();
  }

  private openClient(): WebSocket | undefined {
    let latest: WebSocket | undefined;
    for (const client of this.clients) if (client.readyState === WebSocket.OPEN) latest = client;
    return latest;
  }
}

interface ConnectionWaiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function startFakeSocketMode(options: { slack: FakeSlack; appToken?: string }): Promise<FakeSocketMode> {
  return FakeSocketMode.start(options);
}
