/**
 * What an Active Directory domain says about itself, read once as the service account and kept:
 * the rootDSE (naming context, supported controls) and the domain object's password and lockout
 * settings. A failed read is not kept, so the next call tries again.
 */
import type { Entry } from 'ldapts';
import { toDirectoryError } from './ad-errors';
import type { AdDomainPolicy } from './ad-password';
import { POLICY_HINTS_DEPRECATED_OID, POLICY_HINTS_OID, PolicyHintsControl } from './ad-policy-hints-control';
import { intervalToMilliseconds } from './ad-time';
import { DirectoryError } from './directory';
import { entryValues, firstValue } from './entry-values';
import type { LdapConnector } from './ldap-connector';

interface RootDse {
  defaultNamingContext: string;
  supportedControls: Set<string>;
}

/** pwdProperties: DOMAIN_PASSWORD_COMPLEX. */
const DOMAIN_PASSWORD_COMPLEX = 0x1;

export class AdDomain {
  private rootDse?: Promise<RootDse>;
  private domainPolicy?: Promise<AdDomainPolicy>;

  constructor(private readonly connector: LdapConnector) {}

  /** The password policy hints control (history enforced on a reset), where the DC lists it. */
  async policyHintsControl(): Promise<PolicyHintsControl | undefined> {
    const { supportedControls } = await this.readRootDse();
    if (supportedControls.has(POLICY_HINTS_OID)) return new PolicyHintsControl(POLICY_HINTS_OID);
    if (supportedControls.has(POLICY_HINTS_DEPRECATED_OID)) return new PolicyHintsControl(POLICY_HINTS_DEPRECATED_OID);
    return undefined;
  }

  /** The domain's DN (the rootDSE's defaultNamingContext), where its password settings live. */
  async namingContext(): Promise<string> {
    return (await this.readRootDse()).defaultNamingContext;
  }

  policy(): Promise<AdDomainPolicy> {
    this.domainPolicy ??= this.remember(async () => {
      const { defaultNamingContext } = await this.readRootDse();
      const entry = await this.readOne(
        defaultNamingContext,
        ['minPwdLength', 'pwdProperties', 'pwdHistoryLength', 'minPwdAge', 'lockoutDuration'],
        'read domain password settings',
      );
      const number = (attribute: string) => Number(firstValue(entry, attribute) ?? '0');
      return {
        minLength: number('minPwdLength'),
        complexity: (number('pwdProperties') & DOMAIN_PASSWORD_COMPLEX) !== 0,
        historyLength: number('pwdHistoryLength'),
        minAgeMs: intervalToMilliseconds(firstValue(entry, 'minPwdAge')) ?? 0,
        lockoutDurationMs: intervalToMilliseconds(firstValue(entry, 'lockoutDuration')) ?? 0,
      };
    }, () => { this.domainPolicy = undefined; });
    return this.domainPolicy;
  }

  private readRootDse(): Promise<RootDse> {
    this.rootDse ??= this.remember(async () => {
      const entry = await this.readOne('', ['defaultNamingContext', 'supportedControl'], 'read rootDSE');
      const defaultNamingContext = firstValue(entry, 'defaultNamingContext');
      if (!defaultNamingContext) throw new DirectoryError('other', 'read rootDSE: no defaultNamingContext');
      return { defaultNamingContext, supportedControls: new Set(entryValues(entry, 'supportedControl')) };
    }, () => { this.rootDse = undefined; });
    return this.rootDse;
  }

  /** Runs `load` once; a failure is not cached (`forget`), so the next call tries again. */
  private remember<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
    return load().catch((error: unknown) => {
      forget();
      throw error;
    });
  }

  private async readOne(dn: string, attributes: string[], action: string): Promise<Entry> {
    try {
      const entries = await this.connector.readAsServiceAccount(async (client) =>
        (await client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes })).searchEntries);
      const entry = entries[0];
      if (!entry) throw new DirectoryError('not-found', `${action}: no entry at "${dn}"`);
      return entry;
    } catch (error) {
      throw toDirectoryError(error, action);
    }
  }
}
