/**
 * What every throwaway directory server used by the tests offers, whatever its flavour
 * (`slapd.ts` for OpenLDAP, `samba.ts` for Active Directory), so end-to-end suites can run
 * once per flavour with the same people.
 */

export interface TestAccountSpec {
  /** uid on OpenLDAP, sAMAccountName on AD; make it unique per test on a shared server. */
  username: string;
  mail: string;
  password: string;
  givenName: string;
  sn: string;
  /** Registered phone (stored in the phone attribute, `mobile` by default), e.g. '+48600100200'. */
  phone?: string;
  /** Link value (employeeNumber on OpenLDAP, employeeID on AD) joining one person's accounts. */
  linkValue?: string;
  /** Written to employeeType (LDAP_KIND_ATTR in the harness environment). */
  kind?: 'staff' | 'student';
  /** Created disabled (OpenLDAP: pwdAccountLockedTime 000001010000Z; AD: ACCOUNTDISABLE). */
  disabled?: boolean;
}

/** An impersonal account under LDAP_SERVICE_BASE_DN, looked after by the accounts in `ownerDns`. */
export interface TestServiceAccountSpec {
  /** uid on OpenLDAP, sAMAccountName on AD (at most 20 characters). */
  username: string;
  password: string;
  /** DNs written to the owner attribute (`owner` on OpenLDAP, `manager` on AD, which takes one). */
  ownerDns: string[];
  mail?: string;
  disabled?: boolean;
}

export interface TestDirectoryServer {
  flavor: 'openldap' | 'ad';
  /**
   * Environment for passdesk's configuration contract: LDAP_URL (ldaps://127.0.0.1:...),
   * LDAP_CA_FILE, LDAP_BIND_DN, LDAP_BIND_PASSWORD (a service account, not the root DN),
   * LDAP_BASE_DN, LDAP_FLAVOR, LDAP_LINK_ATTR, LDAP_PHONE_ATTR, LDAP_MAIL_ATTR,
   * LDAP_SERVICE_BASE_DN.
   */
  env: Record<string, string>;
  /** The StartTLS URL (ldap://127.0.0.1:...) of the same server. */
  startTlsUrl: string;
  /** Creates the account and returns its DN. */
  addAccount(spec: TestAccountSpec): Promise<string>;
  /** Disables an account as an administrator would (OpenLDAP: permanent ppolicy lock; AD: ACCOUNTDISABLE). */
  disable(dn: string): Promise<void>;
  /** Creates a service account under LDAP_SERVICE_BASE_DN and returns its DN. */
  addServiceAccount(spec: TestServiceAccountSpec): Promise<string>;
  /** True when `password` binds as `dn` (checked with the server's own tools or ldapts as that user). */
  canBind(dn: string, password: string): Promise<boolean>;
  /**
   * What a login with `password` as `dn` is told by the server itself: 'must-change' when the
   * password is right but must be changed first (ppolicy changeAfterReset on OpenLDAP, bind
   * refused with data 773 on AD), 'ok', or 'refused' (wrong password, locked, disabled).
   */
  loginState(dn: string, password: string): Promise<'ok' | 'must-change' | 'refused'>;
  /**
   * The person changes their own password, proving the old one: on OpenLDAP bound as themselves
   * (password modify with old and new, as ppolicy allows after a reset); on AD, where a password
   * that must change cannot bind, the change (delete old, add new) that AD checks against the old one.
   */
  changeOwnPassword(dn: string, oldPassword: string, newPassword: string): Promise<void>;
  stop(): Promise<void>;
}
