/**
 * The in-memory directory's seed: plain data (JSON-friendly), so unit tests and the demo can
 * describe their people in a list. Times are ISO 8601 strings.
 */

/** One account. A person with several (staff and student) has several, sharing `linkValue`. */
export interface MemoryPerson {
  /** Login name; '' makes an entry that is not a login account (like a contact): never an Account. */
  username: string;
  mail: string;
  password: string;
  givenName: string;
  sn: string;
  /** Default: given name and surname. */
  displayName?: string;
  phone?: string;
  /** Joins one person's accounts. */
  linkValue?: string;
  /** Default: `uid=<username>,<base DN>`; required when `username` is ''. */
  dn?: string;
  disabled?: boolean;
  /** The password must be changed at the next login (as after a help-desk temporary password). */
  mustChange?: boolean;
  /** When the password was last set; default: when seeded. Expiry is this plus the maximum age. */
  passwordSetAt?: string;
  passwordNeverExpires?: boolean;
  /** Locked by failed logins until then. */
  lockedUntil?: string;
  /** An administrative account, as AD marks them (`adminCount=1`): out of the help desk's reach. */
  administrative?: boolean;
  /** Staff or student (as LDAP_KIND_ATTR says on a real directory). */
  kind?: 'staff' | 'student';
  /** A service account: the DNs of the accounts that own it (the owner attribute). */
  ownerDns?: string[];
}

/** A group, for the help desk's protected groups: members are account or group DNs (nesting counts). */
export interface MemoryGroup {
  dn: string;
  members: string[];
}

/** The rules the in-memory directory enforces, as a server's password policy would. */
export interface MemoryPasswordPolicy {
  /** Shorter passwords are refused ('too-short'). */
  minLength: number;
  /** The last N passwords, the current one included, are refused ('in-history'); 0: none. */
  historyLength: number;
  /** Passwords expire this many days after they were set; 0: never. */
  maxAgeDays: number;
  /** Failed logins in a row that lock an account; 0: never. */
  lockoutThreshold: number;
  /** How long such a lock lasts. */
  lockoutMinutes: number;
  /** AD's complexity rule (src/policy/directory-complexity.ts). */
  complexity: boolean;
}

export const DEFAULT_MEMORY_POLICY: Readonly<MemoryPasswordPolicy> = Object.freeze({
  minLength: 8,
  historyLength: 5,
  maxAgeDays: 365,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  complexity: false,
});

export const DEFAULT_MEMORY_BASE_DN = 'ou=people,dc=example,dc=edu';
export const DEFAULT_MEMORY_SERVICE_BASE_DN = 'ou=service-accounts,dc=example,dc=edu';

export interface MemoryDirectorySeed {
  people: MemoryPerson[];
  /** Where people live and the adapter searches; default `ou=people,dc=example,dc=edu`. */
  baseDn?: string;
  /** Service (impersonal) accounts, each with `ownerDns`; they live under `serviceBaseDn`. */
  serviceAccounts?: MemoryPerson[];
  /** Default `ou=service-accounts,dc=example,dc=edu`. */
  serviceBaseDn?: string;
  policy?: Partial<MemoryPasswordPolicy>;
  groups?: MemoryGroup[];
  /** The DN passdesk "binds" as (LDAP_BIND_DN): always protected from the help desk. */
  serviceAccountDn?: string;
}
