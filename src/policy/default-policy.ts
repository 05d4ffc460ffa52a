import type { PolicySettings } from './policy';

/**
 * The special characters of the Polish help page (UJ, "Krok III"), in its order. The page's
 * typographic quote ‘ is the ASCII apostrophe people actually type.
 */
export const DEFAULT_SPECIAL_CHARACTERS = '@#$%^&*-_+=[]{}|\\:\',.?/`~"();';

/** The Polish page's complexity rules, plus a length floor, a sanity ceiling and a strength floor. */
export const DEFAULT_POLICY: Readonly<PolicySettings> = Object.freeze({
  minLength: 12,
  maxLength: 128,
  requireUppercase: true,
  requireLowercase: true,
  requireDigit: true,
  specialCharacters: DEFAULT_SPECIAL_CHARACTERS,
  forbidPersonalInfo: true,
  minStrength: 3,
  blockedWords: [],
});
