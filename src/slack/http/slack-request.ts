import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';

/** What a POST to `/slack/events` turned out to be, once its body has been read. */
export type SlackRequest =
  /** Slack checking the TLS certificate (sent unsigned): answer 200, dispatch nothing. */
  | { kind: 'ssl-check' }
  /** No valid signature, or a stale one. */
  | { kind: 'unverified'; reason: string }
  /** Signed, but not a Slack envelope: not JSON, or JSON that is not an object. */
  | { kind: 'malformed'; reason: string }
  | { kind: 'envelope'; body: Record<string, unknown> };

const FORM = 'application/x-www-form-urlencoded';

/**
 * Checks the signature (Bolt's `verifySlackRequest`: HMAC and the 5-minute staleness window) and
 * parses what Slack sends: slash commands as a form, interactions as a form with one JSON
 * `payload`, events as JSON. Only an object comes out; `null`, arrays and scalars are malformed.
 */
export function readSlackRequest(headers: IncomingHttpHeaders, raw: Buffer, signingSecret: string): SlackRequest {
  const text = raw.toString('utf8');
  const isForm = mediaType(headers['content-type']) === FORM;
  const form = isForm ? parseForm(text) : undefined;
  // Slack sends ssl_check unsigned; whatever else the body carries is ignored, never dispatched.
  if (form?.ssl_check === '1') return { kind: 'ssl-check' };

  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') {
    return { kind: 'unverified', reason: 'no signature headers' };
  }
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    });
  } catch (error) {
    return { kind: 'unverified', reason: error instanceof Error ? error.message : 'verification failed' };
  }

  let body: unknown;
  try {
    if (!form) body = JSON.parse(text);
    else if (form.payload === undefined) body = form;
    else if (typeof form.payload === 'string') body = JSON.parse(form.payload);
    else return { kind: 'malformed', reason: 'more than one payload field' };
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'malformed', reason: `a JSON ${body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body}, not an object` };
  }
  return { kind: 'envelope', body: body as Record<string, unknown> };
}

/** `application/x-www-form-urlencoded; charset=utf-8` → `application/x-www-form-urlencoded`. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
