import type { Config } from '../../config';
import { isInvalidCredentials, LdapConnector } from '../../directory/ldap-connector';
import type { ReadinessProbe } from './readiness';

/**
 * Binds as the service account on a connection of its own (not a pooled one), so it proves
 * what it says: the directory answers over TLS and still accepts LDAP_BIND_DN's password.
 * A failure says which setting to look at, in words that carry no value of any setting.
 */
export function directoryProbe(settings: Config['ldap']): ReadinessProbe {
  const connector = new LdapConnector({
    url: settings.url,
    caFile: settings.caFile,
    insecure: settings.insecure,
    bindDn: settings.bindDn,
    bindPassword: settings.bindPassword,
    timeoutMs: settings.timeoutMs,
    connectTimeoutMs: settings.connectTimeoutMs,
  });
  return {
    name: 'directory',
    async check() {
      try {
        await connector.asUser(settings.bindDn, settings.bindPassword, async () => undefined);
      } catch (error) {
        throw new Error(describeDirectoryFailure(error));
      }
    },
  };
}

const NETWORK = /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE)\b/;
const CERTIFICATE = /\b(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID)\b/;

export function describeDirectoryFailure(error: unknown): string {
  if (isInvalidCredentials(error)) return 'bind refused for LDAP_BIND_DN (wrong DN or LDAP_BIND_PASSWORD)';
  const text = errorText(error);
  const network = NETWORK.exec(text);
  if (network) return `cannot reach LDAP_URL (${network[1]})`;
  const certificate = CERTIFICATE.exec(text);
  if (certificate) return `the directory's TLS certificate is not trusted (${certificate[1]}); check LDAP_CA_FILE and the host in LDAP_URL`;
  if (/certificate|self[- ]signed/i.test(text)) return "the directory's TLS certificate is not trusted; check LDAP_CA_FILE and the host in LDAP_URL";
  if (/time(d)? ?out|no answer/i.test(text)) return 'cannot reach LDAP_URL (no answer in time)';
  if (/StartTLS/i.test(text)) return 'StartTLS failed on LDAP_URL (use ldaps://, or a server that offers StartTLS)';
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return `bind as LDAP_BIND_DN failed (${typeof name === 'string' ? name : 'unknown error'})`;
}

/**
 * Name, code and message of an error and its causes: where Node and ldapts put the reason.
 * Duck-typed, as errors of Node's own sockets may come from another realm.
 */
function errorText(error: unknown, depth = 0): string {
  if (typeof error !== 'object' || error === null || depth > 3) return String(error);
  const { name, code, message, cause } = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  return [name, code, message].filter((part) => typeof part === 'string').join(' ')
    + (cause ? ` ${errorText(cause, depth + 1)}` : '');
}
