import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { signature } from './slack-driver';

/** What a server answered: status, headers and the body as text. */
export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/**
 * A request that gets no answer at all fails after this long instead of hanging the test: a guard
 * against a server that never answers, not a measure of speed.
 */
const NO_ANSWER_GUARD_MS = 10_000;

/** Any method, path, headers and body, sent as an outside client (a scanner, a probe) would. */
export function rawRequest(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? '';
    const headers = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const outgoing = request(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers, agent: false },
      (incoming) => collect(incoming).then(resolve, reject),
    );
    guard(outgoing, `${options.method} ${options.path}`, reject);
    outgoing.end(options.body === undefined ? undefined : body);
  });
}

/** A POST signed with `secret` as Slack signs, with any content type and body (junk included). */
export function signedPost(port: number, secret: string, contentType: string, body: string, path = '/slack/events'): Promise<RawResponse> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return rawRequest(port, {
    method: 'POST',
    path,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature(secret, timestamp, body),
    },
    body,
  });
}

/** What happened to a body sent in part: the answer, and whether it came before the body was complete. */
export interface PartialBodyResult {
  response: RawResponse;
  answeredBeforeBodyEnded: boolean;
}

/**
 * POSTs `firstPart`, then stops and waits for an answer. A server that refuses the body early
 * answers now; one that buffers it waits for the rest, which is sent after `patienceMs` (so the
 * test ends either way) and then answers with the body complete. What is asserted is the order
 * (answer before the end of the body), which no buffering server can produce, not a duration.
 */
export function postInParts(
  port: number,
  options: { path: string; headers: Record<string, string>; firstPart: Buffer; rest: Buffer; patienceMs?: number },
): Promise<PartialBodyResult> {
  return new Promise((resolve, reject) => {
    let bodyEnded = false;
    let answeredBeforeBodyEnded = false;
    const outgoing = request(
      { host: '127.0.0.1', port, method: 'POST', path: options.path, headers: options.headers, agent: false },
      (incoming) => {
        answeredBeforeBodyEnded = !bodyEnded;
        clearTimeout(patience);
        collect(incoming).then((response) => resolve({ response, answeredBeforeBodyEnded }), reject);
      },
    );
    // A server that answered early may close the connection while this side still writes: expected.
    outgoing.on('error', (error) => {
      if (!answeredBeforeBodyEnded) reject(error);
    });
    guard(outgoing, `POST ${options.path} in parts`, reject);
    outgoing.write(options.firstPart);
    const patience = setTimeout(() => {
      bodyEnded = true;
      outgoing.end(options.rest);
    }, options.patienceMs ?? 5000);
  });
}

function guard(outgoing: ClientRequest, what: string, reject: (error: Error) => void): void {
  outgoing.setTimeout(NO_ANSWER_GUARD_MS, () => {
    outgoing.destroy();
    reject(new Error(`${what}: no answer at all`));
  });
  outgoing.on('error', reject);
}

function collect(incoming: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('error', reject);
    incoming.on('end', () =>
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}
