import type { DirectoryPasswordSettings } from '../directory/directory';
import { DIGIT, LOWERCASE, UPPERCASE } from './character-classes';
import { meetsDirectoryComplexity } from './directory-complexity';
import type { PolicyCheckResult, PolicyRule, PolicySettings, PolicySubject } from './policy';
import { generateTemporaryPassword } from './temporary-password';
import { meetsStrength, type StrengthCheck, warmUpStrength } from './strength/strength-check';

/*
 * Character classes and the directory complexity rule are defined once, in character-classes.ts
 * and directory-complexity.ts. Lengths are counted in code points, so "ą" or an emoji is one character.
 */

/**
 * Personal-info tokens (username, name parts) shorter than this are not checked: refusing
 * every password containing "li" or "ng" (surnames Li, Ng) would refuse countless good ones.
 * Three matches Active Directory, so both sides agree; the strength check still sees short parts.
 */
const MIN_PERSONAL_TOKEN_LENGTH = 3;

/**
 * Look-alike substitutions ("K0w@lsk1" still contains "kowalski"). Applied only to tokens of
 * four letters or more, since a three-letter pattern with substitutions ("[o0][l1|][a@4]")
 * would match too many random passwords.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'a@4',
  b: 'b8',
  e: 'e3',
  g: 'g9',
  i: 'i1!|',
  l: 'l1|',
  o: 'o0',
  s: 's$5',
  t: 't7+',
  z: 'z2',
};
const MIN_LOOKALIKE_TOKEN_LENGTH = 4;

const NO_SUBJECT: PolicySubject = { usernames: [], nameParts: [] };

/**
 * A password policy: the checklist shown before typing, the check that names every unmet
 * rule, and a generator of compliant temporary passwords. Optional directory settings
 * (read from the server at start) tighten it to what the directory will accept.
 */
export class PasswordPolicy {
  private readonly settings: PolicySettings;
  private readonly directory: DirectoryPasswordSettings;
  private readonly minLength: number;
  private readonly specialCharacters: ReadonlySet<string>;
  private readonly blockedPatterns: RegExp[];
  /** Every rule in checklist order, including 'max-length' (reported only when exceeded). */
  private readonly ordered: PolicyRule[];

  /** `meetsMinStrength` gives zxcvbn's verdict (strength/strength-check.ts); pass another only to compare against it. */
  constructor(
    settings: PolicySettings,
    directory: DirectoryPasswordSettings = {},
    private readonly meetsMinStrength: StrengthCheck = meetsStrength,
  ) {
    this.settings = { ...settings, blockedWords: [...settings.blockedWords] };
    this.directory = { ...directory };
    this.minLength = Math.max(settings.minLength, directory.minLength ?? 0);
    this.specialCharacters = new Set(settings.specialCharacters);
    this.blockedPatterns = tokenPatterns(settings.blockedWords.map(fold).filter((word) => word.length > 0));
    this.ordered = this.buildChecklist();
  }

  /**
   * Builds the strength estimator and its bound now rather than on the first check (their
   * dictionaries take a few hundred milliseconds to index). Optional: call it at start-up.
   */
  static warmUp(): void {
    warmUpStrength();
  }

  /** The checklist shown before typing, in order. 'max-length' is a sanity limit and is left out. */
  rules(): PolicyRule[] {
    return this.ordered.filter((rule) => rule.code !== 'max-length').map(copyRule);
  }

  /** Every unmet rule, in checklist order. 'directory-history' is never unmet here: only the directory knows. */
  check(password: string, subject: PolicySubject): PolicyCheckResult {
    const folded = fold(password);
    const usernameTokens = personalTokens(subject.usernames);
    const nameTokens = personalTokens(subject.nameParts);
    const unmet = this.ordered.filter((rule) => {
      switch (rule.code) {
        case 'min-length': return codePoints(password) < this.minLength;
        case 'max-length': return codePoints(password) > this.settings.maxLength;
        case 'uppercase': return !UPPERCASE.test(password);
        case 'lowercase': return !LOWERCASE.test(password);
        case 'digit': return !DIGIT.test(password);
        case 'special': return ![...password].some((char) => this.specialCharacters.has(char));
        case 'no-username': return containsAny(folded, tokenPatterns(usernameTokens));
        case 'no-name-parts': return containsAny(folded, tokenPatterns(nameTokens));
        case 'not-blocked': return containsAny(folded, this.blockedPatterns);
        case 'strength': return !this.meetsMinStrength(password, [
          ...subject.usernames, ...subject.nameParts, ...usernameTokens, ...nameTokens, ...this.settings.blockedWords,
        ], this.settings.minStrength);
        case 'directory-complexity': return !meetsDirectoryComplexity(password, subject);
        case 'directory-history': return false;
      }
    });
    return { ok: unmet.length === 0, unmet: unmet.map(copyRule) };
  }

  /**
   * A temporary password that meets this policy and, when given, passes the check for `subject`
   * (see temporary-password.ts: readable words, no look-alike characters, CSPRNG).
   */
  generate(subject: PolicySubject = NO_SUBJECT): string {
    return generateTemporaryPassword(
      { minLength: this.minLength, maxLength: this.settings.maxLength, specialCharacters: this.settings.specialCharacters },
      (candidate) => this.check(candidate, subject).ok,
    );
  }

  private buildChecklist(): PolicyRule[] {
    const { settings, directory } = this;
    const rules: PolicyRule[] = [
      { code: 'min-length', params: { min: this.minLength } },
      { code: 'max-length', params: { max: settings.maxLength } },
    ];
    if (settings.requireUppercase) rules.push({ code: 'uppercase' });
    if (settings.requireLowercase) rules.push({ code: 'lowercase' });
    if (settings.requireDigit) rules.push({ code: 'digit' });
    if (settings.specialCharacters.length > 0) rules.push({ code: 'special', params: { chars: settings.specialCharacters } });
    if (settings.forbidPersonalInfo) rules.push({ code: 'no-username' }, { code: 'no-name-parts' });
    if (this.blockedPatterns.length > 0) rules.push({ code: 'not-blocked' });
    if (settings.minStrength > 0) rules.push({ code: 'strength', params: { min: settings.minStrength } });
    if (directory.complexity) rules.push({ code: 'directory-complexity' });
    if (directory.historyLength !== undefined && directory.historyLength > 0) {
      rules.push({ code: 'directory-history', params: { count: directory.historyLength } });
    }
    return rules;
  }
}

function copyRule(rule: PolicyRule): PolicyRule {
  return rule.params ? { code: rule.code, params: { ...rule.params } } : { code: rule.code };
}

function codePoints(text: string): number {
  return [...text].length;
}

/**
 * Case- and accent-insensitive form for "does it contain": "Łukasz" and "LUKASZ" both become
 * "lukasz" (NFKD drops the accents; ł has no decomposition, so it is mapped by hand).
 */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l');
}

/** Each value whole and split at non-alphanumerics ("jan.kowalski", "jan", "kowalski"), folded, long enough. */
function personalTokens(values: string[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    const folded = fold(value);
    for (const token of [folded, ...folded.split(/[^\p{L}\p{N}]+/u)]) {
      if (codePoints(token) >= MIN_PERSONAL_TOKEN_LENGTH) tokens.add(token);
    }
  }
  return [...tokens];
}

/** One pattern per folded token; long tokens also match their look-alike spellings. */
function tokenPatterns(tokens: string[]): RegExp[] {
  return tokens.map((token) => {
    const lookalikes = codePoints(token) >= MIN_LOOKALIKE_TOKEN_LENGTH;
    const body = [...token]
      .map((char) => {
        const alternatives = lookalikes ? LOOKALIKES[char] : undefined;
        return alternatives ? `[${escapeInClass(alternatives)}]` : escapeRegExp(char);
      })
      .join('');
    return new RegExp(body, 'u');
  });
}

function containsAny(folded: string, patterns: RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(folded));
}

// With the 'u' flag only syntax characters may be escaped, and '-' only inside a class.
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]\[^-]/g, '\\$&');
}
