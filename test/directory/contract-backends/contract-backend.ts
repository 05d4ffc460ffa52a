/**
 * What the directory contract suite needs from each place it runs: the adapter under test, and
 * the server's own view of the same accounts (set up and inspected as its administrator, never
 * through the adapter), so the suite can tell what the adapter really changed.
 */
import type { Directory } from '../../../src/directory/directory';
import type { TestAccountSpec, TestServiceAccountSpec } from '../../harness/directory-server';

export interface DirectoryOptions {
  /** Where the adapter searches and may write (LDAP_BASE_DN); default the people container. */
  baseDn?: string;
  /** The adapter's bound on the accounts one look-up may match; default the adapter's own. */
  maxAccounts?: number;
}

export interface ContractBackend {
  /** The people container: the default base DN. */
  peopleDn: string;
  /** A new adapter over this server, as passdesk configures it (closed by `close()`). */
  directory(options?: DirectoryOptions): Directory;
  /** Creates a login account, in the people container or under `parentDn`; returns its DN. */
  addAccount(spec: TestAccountSpec, parentDn?: string): Promise<string>;
  /** Creates a container (an organizational unit) in the people container; returns its DN. */
  addContainer(name: string): Promise<string>;
  /**
   * Creates an entry with a mail and a link value but no login name (OpenLDAP: an inetOrgPerson
   * without uid; AD: a contact); returns its DN.
   */
  addEntryWithoutUsername(name: string, mail: string, linkValue: string): Promise<string>;
  /** Creates a group outside the people container, with these members (accounts or groups); returns its DN. */
  addGroup(memberDns: string[]): Promise<string>;
  /** Creates a service account under the service base (LDAP_SERVICE_BASE_DN), owned by `spec.ownerDns`. */
  addServiceAccount(spec: TestServiceAccountSpec): Promise<string>;
  /** Disables or enables an account as an administrator does. */
  setDisabled(dn: string, disabled: boolean): Promise<void>;
  /** True when `password` logs in as `dn` (a bind of the server's own, not through the adapter). */
  canBind(dn: string, password: string): Promise<boolean>;
  /** Failed logins after which the server locks an account for a while. */
  lockoutThreshold: number;
  /** When the server says the account's password was last set. */
  passwordSetAt(dn: string): Promise<Date>;
  /** The server's maximum password age. */
  maxPasswordAgeMs: number;
  /** Makes usernames, mails and link values unique on a server other test files share. */
  tag: string;
  /** Closes every adapter made by `directory()` and stops what the backend started. */
  close(): Promise<void>;
}
