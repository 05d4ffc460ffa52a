/**
 * Password policy types. The validator (`password-policy.ts`) checks a candidate password
 * against these rules and names every unmet one; the Slack edge turns the codes into words.
 */

export type PolicyRuleCode =
  | 'min-length'
  | 'max-length'
  | 'uppercase'
  | 'lowercase'
  | 'digit'
  | 'special'
  | 'no-username'
  | 'no-name-parts'
  | 'not-blocked'
  | 'strength'
  /** AD domain setting: at least three of the four character classes, no account name. */
  | 'directory-complexity'
  /** AD domain setting: not one of the last N passwords (only the directory can check it). */
  | 'directory-history';

export interface PolicyRule {
  code: PolicyRuleCode;
  /** Parameters for the message, e.g. `{ min: 12 }` or `{ chars: '@#$...' }`. */
  params?: Record<string, string | number>;
}

export interface PolicySettings {
  minLength: number;
  maxLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireDigit: boolean;
  /** Characters that count as "special"; empty string turns the rule off. */
  specialCharacters: string;
  /** Refuse passwords containing the username or a name part (3+ letters), case-insensitive. */
  forbidPersonalInfo: boolean;
  /** zxcvbn score floor, 0 (off) to 4. */
  minStrength: number;
  /** Extra refused words (lower-case), e.g. the university's name. */
  blockedWords: string[];
}

/** Who the password is for: the parts it must not contain. */
export interface PolicySubject {
  usernames: string[];
  nameParts: string[];
}

export interface PolicyCheckResult {
  ok: boolean;
  /** Every rule the password does not meet, in checklist order. */
  unmet: PolicyRule[];
}
