/**
 * `LDAP_URL` as OpenLDAP clients read it: one or more `ldaps://` or `ldap://` URLs separated by
 * white space, tried in order.
 */

export interface LdapServerAddress {
  /** The URL as given (scheme, host and port only). */
  url: string;
  host: string;
  port: number;
  /** `ldaps://`: TLS from the first byte. Otherwise StartTLS, or plain text when allowed. */
  secure: boolean;
}

/**
 * The servers of an `LDAP_URL` value, in order. Throws an Error naming the first bad URL by its
 * position, never by its text (it could hold a password).
 */
export function parseLdapUrls(value: string): LdapServerAddress[] {
  const urls = value.split(/\s+/u).filter(Boolean);
  if (urls.length === 0) throw new Error('must be an ldaps:// or ldap:// URL, or several separated by spaces');
  return urls.map((text, index) => parseOne(text, urls.length === 1 ? 'the URL' : `URL ${index + 1}`));
}

/** True when any server of an `LDAP_URL` value is `ldap://` (StartTLS, or plain text when allowed). */
export function listsPlainLdapUrl(value: string): boolean {
  return value.split(/\s+/u).some((url) => url.toLowerCase().startsWith('ldap://'));
}

function parseOne(text: string, which: string): LdapServerAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${which} is not a URL`);
  }
  if (url.protocol !== 'ldaps:' && url.protocol !== 'ldap:') throw new Error(`${which} must be ldaps:// or ldap://`);
  if (url.hostname === '') throw new Error(`${which} names no host`);
  if (url.username || url.password) throw new Error(`${which} holds credentials: use LDAP_BIND_DN and LDAP_BIND_PASSWORD`);
  if ((url.pathname !== '' && url.pathname !== '/') || url.search) throw new Error(`${which} has a DN or options, which are not used (set LDAP_BASE_DN)`);
  const secure = url.protocol === 'ldaps:';
  // WHATWG URL keeps IPv6 hosts in brackets; sockets want them bare.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url: `${url.protocol}//${url.host}`, host, port: url.port ? Number(url.port) : secure ? 636 : 389, secure };
}
