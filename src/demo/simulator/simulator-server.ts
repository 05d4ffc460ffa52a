import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readBody, sendJson } from '../slack-api/loopback-http';
import { isObject } from '../slack-api/view-store';
import type { ViewValues } from '../slack-api/slack-driver';
import type { ClickRequest, SlackSimulator } from './slack-simulator';

/** The page's view of the demo: who can be picked, what they see, what was captured. */
export interface SimulatorBackend {
  simulator: SlackSimulator;
  people(): unknown[];
  captured(): { sms: unknown[]; mail: unknown[] };
  /** The help desk's channel (HELPDESK_LOG_CHANNEL) as `user` sees it; undefined when they are not in it. */
  helpdeskChannel(user: string): { name: string; messages: unknown[] } | undefined;
  tryLogin(username: string, password: string): Promise<{ accepted: boolean; detail: string }>;
  /** Present once expiry reminders exist: runs one sweep now. */
  runReminderSweep?: () => Promise<string>;
}

const PAGE_DIR = join(__dirname, '..', 'page');
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/simulator.js': { file: 'simulator.js', type: 'text/javascript; charset=utf-8' },
  '/block-kit.js': { file: 'block-kit.js', type: 'text/javascript; charset=utf-8' },
  '/simulator.css': { file: 'simulator.css', type: 'text/css; charset=utf-8' },
};

/**
 * The simulator's own HTTP server: the page and its files, the small JSON API the page calls
 * (`/sim/...`), and the response_url endpoint the bot posts to.
 */
export function createSimulatorServer(backend: SimulatorBackend): Server {
  return createServer((request, response) => {
    route(backend, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : 'failed' });
      else response.end();
    });
  });
}

async function route(backend: SimulatorBackend, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const { simulator } = backend;
  if (request.method === 'GET') {
    const asset = STATIC[url.pathname];
    if (asset) {
      response.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      response.end(readFileSync(join(PAGE_DIR, asset.file)));
      return;
    }
    if (url.pathname === '/sim/state') {
      const user = url.searchParams.get('user') ?? '';
      sendJson(response, 200, {
        people: backend.people(),
        commands: simulator.commandUsage,
        shortcuts: simulator.shortcuts,
        reminders: backend.runReminderSweep !== undefined,
        view: simulator.openView(user) ?? null,
        messages: simulator.messagesFor(user),
        helpdeskChannel: backend.helpdeskChannel(user) ?? null,
        ...backend.captured(),
      });
      return;
    }
  }
  if (request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  const body = parseJson((await readBody(request)).toString('utf8'));
  const user = typeof body.user === 'string' ? body.user : '';
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  if (url.pathname.startsWith('/sim/respond/')) {
    const known = simulator.respond(url.pathname.slice('/sim/respond/'.length), body);
    sendJson(response, known ? 200 : 404, known ? { ok: true } : { ok: false, error: 'expired_url' });
    return;
  }
  switch (url.pathname) {
    case '/sim/message':
      await simulator.typeMessage(user, text('text'));
      break;
    case '/sim/submit':
      await simulator.submit(user, text('viewId'), isObject(body.values) ? (body.values as ViewValues) /* the page builds Slack's state shape; the bot checks it as it would Slack's */ : {});
      break;
    case '/sim/shortcut':
      await simulator.shortcut(user, text('callbackId'));
      break;
    case '/sim/click':
      await simulator.click(user, body as unknown as ClickRequest);
      break;
    case '/sim/close':
      simulator.close(user, text('viewId'));
      break;
    case '/sim/login':
      sendJson(response, 200, await backend.tryLogin(text('username'), text('password')));
      return;
    case '/sim/sweep':
      if (!backend.runReminderSweep) break;
      sendJson(response, 200, { summary: await backend.runReminderSweep() });
      return;
    default:
      response.writeHead(404).end();
      return;
  }
  sendJson(response, 200, { ok: true });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
