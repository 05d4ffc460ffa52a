/**
 * Character classes: the one definition of "upper-case", "lower-case", "digit" and "symbol" that
 * passdesk's own rules, the directory complexity rule and the AD refusal reasons all use.
 *
 * Letters are Unicode-aware: "Ą" and "È" are upper-case, "ą" and "è" lower-case (\p{Lu}, \p{Ll}).
 * Digits are ASCII 0-9 only, as directories count them.
 */
export const UPPERCASE = /\p{Lu}/u;
export const LOWERCASE = /\p{Ll}/u;
export const DIGIT = /[0-9]/;
/** Letters without case (CJK, Arabic, Hebrew, ...): Active Directory's fifth class. */
export const CASELESS_LETTER = /[\p{Lo}\p{Lm}]/u;

/**
 * What Active Directory counts as non-alphanumeric. Currency signs, spaces and other symbols are
 * not in it (Microsoft's documentation says so), so they count towards no class.
 */
export const DIRECTORY_SYMBOLS: ReadonlySet<string> = new Set('~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/');

export type CharacterClass = 'uppercase' | 'lowercase' | 'digit' | 'symbol' | 'caseless-letter';

/** The classes `password` has at least one character of. */
export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const char of password) {
    if (UPPERCASE.test(char)) classes.add('uppercase');
    else if (LOWERCASE.test(char)) classes.add('lowercase');
    else if (DIGIT.test(char)) classes.add('digit');
    else if (DIRECTORY_SYMBOLS.has(char)) classes.add('symbol');
    else if (CASELESS_LETTER.test(char)) classes.add('caseless-letter');
  }
  return classes;
}
