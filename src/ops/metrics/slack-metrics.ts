import type { webApi } from '@slack/bolt';
import { networkCodeOf } from '../startup/startup-checks';
import { labelValue, type PassdeskMetrics } from './metrics';

/**
 * The `fetch` every Slack WebClient of the app uses (`clientOptions.fetch`), counting each
 * failed attempt by method: `ok: false` answers by their error code, 429s apart, other HTTP
 * statuses as `http_<status>`, and requests that got no answer as `network`. A request that
 * got no answer fails as `could not reach Slack (ECONNREFUSED)`, not undici's bare `fetch failed`.
 */
export function meteredSlackFetch(metrics: PassdeskMetrics, fetchFn: typeof fetch = fetch): webApi.FetchFunction {
  return async (url, init) => {
    const method = slackMethodOf(url);
    let response: Response;
    try {
      // Slack's own init is a subset of the WHATWG one.
      response = await fetchFn(url, init as RequestInit);
    } catch (error) {
      metrics.slackErrors.inc({ method, error: 'network' });
      throw new Error(`could not reach Slack (${networkCodeOf(error) ?? reasonOf(error)})`);
    }
    if (response.status === 429) {
      metrics.slackRateLimited.inc({ method });
    } else if (response.status !== 200) {
      metrics.slackErrors.inc({ method, error: `http_${response.status}` });
    } else {
      // Read from a copy, after the fact: the caller gets the response untouched and at once.
      response
        .clone()
        .json()
        .then((body: unknown) => {
          if (isRecord(body) && body.ok === false) metrics.slackErrors.inc({ method, error: labelValue(body.error) });
        })
        .catch(() => undefined); // not JSON (a response_url answer): nothing to count
    }
    return response;
  };
}

/** `https://slack.com/api/views.open` → `views.open`; anything that is not a Web API method → `other`. */
function slackMethodOf(url: string | URL): string {
  const path = new URL(String(url)).pathname;
  const match = /\/api\/([a-zA-Z]+(?:\.[a-zA-Z]+)+)$/.exec(path);
  return match ? labelValue(match[1]) : 'other';
}

/** undici's reason behind "fetch failed" (`bad port`), a timeout's name, or `no answer`. */
function reasonOf(error: unknown): string {
  const { name, cause } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; cause?: { message?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  const words = cause?.message;
  return typeof words === 'string' && /^[a-z][a-z ]{0,40}$/i.test(words) ? words : 'no answer';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
