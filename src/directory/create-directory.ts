import type { Clock } from '../clock/clock';
import type { Config } from '../config';
import { ActiveDirectory } from './ad-directory';
import type { Directory } from './directory';
import { LdapConnector } from './ldap-connector';
import { OpenLdapDirectory } from './openldap-directory';

/** The adapter for `LDAP_FLAVOR`, over one connector. */
export function createDirectory(settings: Config['ldap'], clock: Clock): Directory {
  const connector = new LdapConnector({
    url: settings.url,
    caFile: settings.caFile,
    insecure: settings.insecure,
    bindDn: settings.bindDn,
    bindPassword: settings.bindPassword,
    timeoutMs: settings.timeoutMs,
    connectTimeoutMs: settings.connectTimeoutMs,
    poolSize: settings.poolSize,
  });
  const common = {
    connector,
    baseDn: settings.baseDn,
    mailAttr: settings.mailAttr,
    phoneAttr: settings.phoneAttr,
    linkAttr: settings.linkAttr,
    kindAttr: settings.kindAttr,
    serviceAccounts: settings.serviceAccounts,
    clock,
  };
  if (settings.flavor === 'ad') {
    return new ActiveDirectory({ ...common, matchProxyAddresses: settings.matchProxyAddresses });
  }
  return new OpenLdapDirectory({ ...common, defaultPolicyDn: settings.ppolicyDn });
}
