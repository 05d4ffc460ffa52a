/** The contract's backend on a throwaway slapd (OpenLDAP with ppolicy), set up as its root DN. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Attribute, Change, Client } from 'ldapts';
import type { Directory } from '../../../src/directory/directory';
import { LdapConnector } from '../../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../../src/directory/openldap-directory';
import { parseGeneralizedTime } from '../../../src/directory/openldap-account';
import { DEFAULT_POLICY, type SlapdServer } from '../../harness/slapd';
import { contractTag } from '../directory-contract';
import type { ContractBackend, DirectoryOptions } from './contract-backend';

export function slapdBackend(server: SlapdServer): ContractBackend {
  const opened: Directory[] = [];
  const asRoot = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: readFileSync(server.caFile) }, timeout: 5_000 });
    try {
      await client.bind(server.rootDn, server.rootPassword);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };

  return {
    peopleDn: server.peopleDn,
    tag: contractTag(),
    lockoutThreshold: DEFAULT_POLICY.maxFailure,
    maxPasswordAgeMs: DEFAULT_POLICY.maxAgeSeconds * 1000,

    directory(options: DirectoryOptions = {}): Directory {
      const env = server.env;
      const directory = new OpenLdapDirectory({
        connector: new LdapConnector({
          url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
          bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000,
        }),
        baseDn: options.baseDn ?? env.LDAP_BASE_DN!,
        mailAttr: env.LDAP_MAIL_ATTR!,
        phoneAttr: env.LDAP_PHONE_ATTR!,
        linkAttr: env.LDAP_LINK_ATTR,
        defaultPolicyDn: env.LDAP_PPOLICY_DN,
        maxAccounts: options.maxAccounts,
        serviceAccounts: { baseDn: env.LDAP_SERVICE_BASE_DN!, ownerAttr: 'owner' },
      });
      opened.push(directory);
      return directory;
    },

    async addAccount(spec, parentDn) {
      const dn = await server.addAccount(spec);
      if (!parentDn) return dn;
      const rdn = dn.slice(0, dn.indexOf(','));
      await asRoot((client) => client.modifyDN(dn, `${rdn},${parentDn}`));
      return `${rdn},${parentDn}`;
    },

    addGroup: (members) => server.addGroup(`group-${randomBytes(4).toString('hex')}`, members),
    addServiceAccount: (spec) => server.addServiceAccount(spec),

    async addContainer(name) {
      const dn = `ou=${name},${server.peopleDn}`;
      await asRoot((client) => client.add(dn, { objectClass: 'organizationalUnit', ou: name }));
      return dn;
    },

    async addEntryWithoutUsername(name, mail, linkValue) {
      const dn = `cn=${name},${server.peopleDn}`;
      await asRoot((client) => client.add(dn, { objectClass: 'inetOrgPerson', cn: name, sn: name, mail, employeeNumber: linkValue }));
      return dn;
    },

    async setDisabled(dn, disabled) {
      if (disabled) return server.disable(dn);
      await asRoot((client) => client.modify(dn, new Change({
        operation: 'delete', modification: new Attribute({ type: 'pwdAccountLockedTime', values: [] }),
      })));
    },

    canBind: (dn, password) => server.canBind(dn, password),

    async passwordSetAt(dn) {
      const { pwdChangedTime } = await server.readAsRoot(dn, ['pwdChangedTime']);
      const setAt = pwdChangedTime?.[0] === undefined ? undefined : parseGeneralizedTime(pwdChangedTime[0]);
      if (!setAt) throw new Error(`no pwdChangedTime on ${dn}`);
      return setAt;
    },

    async close() {
      await Promise.all(opened.map((directory) => directory.close()));
      await server.stop();
    },
  };
}
