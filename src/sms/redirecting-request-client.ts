import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/**
 * The twilio SDK's own HTTP client (its encoding, Basic auth and error handling), sending every
 * request to `baseUrl` instead of Twilio's host when one is set: the SDK has no base-URL option,
 * and `TWILIO_API_URL` must work for egress proxies and test fakes.
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    options?: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request({ ...options, uri: redirectUri(options.uri, this.baseUrl) });
  }
}

/** `https://api.twilio.com/2010-04-01/…?x` with base `http://proxy:8080/twilio` → `http://proxy:8080/twilio/2010-04-01/…?x`. */
export function redirectUri(uri: string, baseUrl: string | undefined): string {
  if (!baseUrl) return uri;
  const original = new URL(uri);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}
