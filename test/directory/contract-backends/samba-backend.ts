/** The contract's backend on the run's Samba AD DC, set up as the domain administrator. */
import { randomBytes } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import { ActiveDirectory } from '../../../src/directory/ad-directory';
import { fileTimeToDate } from '../../../src/directory/ad-time';
import type { Directory } from '../../../src/directory/directory';
import { LdapConnector } from '../../../src/directory/ldap-connector';
import type { SambaServer } from '../../harness/samba';
import { SAMBA_PASSWORD_SETTINGS } from '../../harness/samba-template';
import { contractTag } from '../directory-contract';
import type { ContractBackend, DirectoryOptions } from './contract-backend';

const DAY_MS = 24 * 60 * 60 * 1000;
/** userAccountControl: NORMAL_ACCOUNT, and with ACCOUNTDISABLE. */
const UAC_ENABLED = '512';
const UAC_DISABLED = '514';

export function sambaBackend(samba: SambaServer): ContractBackend {
  const opened: Directory[] = [];
  const peopleDn = samba.env.LDAP_BASE_DN!;
  const replace = (dn: string, type: string, value: string) => samba.asAdministrator((client) =>
    client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) })));

  return {
    peopleDn,
    tag: contractTag(),
    lockoutThreshold: SAMBA_PASSWORD_SETTINGS.lockoutThreshold,
    maxPasswordAgeMs: SAMBA_PASSWORD_SETTINGS.maxAgeDays * DAY_MS,

    directory(options: DirectoryOptions = {}): Directory {
      const env = samba.env;
      const directory = new ActiveDirectory({
        connector: new LdapConnector({
          url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
          bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 10_000,
        }),
        baseDn: options.baseDn ?? peopleDn,
        mailAttr: env.LDAP_MAIL_ATTR!,
        phoneAttr: env.LDAP_PHONE_ATTR!,
        linkAttr: env.LDAP_LINK_ATTR,
        maxAccounts: options.maxAccounts,
        serviceAccounts: { baseDn: samba.env.LDAP_SERVICE_BASE_DN!, ownerAttr: 'manager' },
      });
      opened.push(directory);
      return directory;
    },

    addServiceAccount: (spec) => samba.addServiceAccount(spec),

    async addAccount(spec, parentDn) {
      const dn = await samba.addAccount(spec);
      if (!parentDn) return dn;
      const rdn = dn.slice(0, dn.indexOf(','));
      await samba.asAdministrator((client) => client.modifyDN(dn, `${rdn},${parentDn}`));
      return `${rdn},${parentDn}`;
    },

    addGroup: (members) => samba.addGroup(`grp-${randomBytes(4).toString('hex')}`, members),

    async addContainer(name) {
      const dn = `OU=${name},${peopleDn}`;
      await samba.asAdministrator((client) => client.add(dn, { objectClass: 'organizationalUnit', ou: name }));
      return dn;
    },

    async addEntryWithoutUsername(name, mail, linkValue) {
      const dn = `CN=${name},${peopleDn}`;
      await samba.asAdministrator((client) => client.add(dn, { objectClass: 'contact', mail, employeeID: linkValue }));
      return dn;
    },

    setDisabled: (dn, disabled) => replace(dn, 'userAccountControl', disabled ? UAC_DISABLED : UAC_ENABLED),

    canBind: (dn, password) => samba.canBind(dn, password),

    async passwordSetAt(dn) {
      const value = await samba.asAdministrator(async (client) =>
        (await client.search(dn, { scope: 'base', attributes: ['pwdLastSet'] })).searchEntries[0]?.['pwdLastSet']);
      const setAt = fileTimeToDate(typeof value === 'string' ? value : undefined);
      if (!setAt) throw new Error(`no pwdLastSet on ${dn}`);
      return setAt;
    },

    async close() {
      // The DC is the run's (samba-global-setup.ts): it stops after every test file.
      await Promise.all(opened.map((directory) => directory.close()));
    },
  };
}
