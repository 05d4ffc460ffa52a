/**
 * Temporary passwords the help desk reads out over the phone or at the desk: short pronounceable
 * words, each starting with a capital, joined by a separator, then two digits, e.g.
 * `Beku-Tasa-Nevu-Rada-47`. Every character comes from `crypto.randomInt` (a CSPRNG), from an
 * alphabet without look-alikes: no 0/O/o, 1/l/I/i, and no q or y (read differently in en/it/pl).
 * Four words and two digits carry about 52 bits, plenty for a password that must be changed at
 * the first login and sits behind the directory's lockout.
 */
import { randomInt } from 'node:crypto';

const CONSONANTS = 'bcdfghjkmnprstvwxz';
const VOWELS = 'aeu';
const DIGITS = '23456789';
/** Separators in order of preference: easy to say and to type on any keyboard. */
const SEPARATORS = '-._+=#@*&%$!?:';
const WORD_LENGTH = 4;
const MIN_WORDS = 4;
const DIGIT_COUNT = 2;
const MAX_ATTEMPTS = 50;

/** What the generated password must fit: the active policy's lengths and special characters. */
export interface TemporaryPasswordShape {
  minLength: number;
  maxLength: number;
  /** Characters the policy counts as special; empty when it requires none. */
  specialCharacters: string;
}

/**
 * A new temporary password that `accept` (the policy check, with the person it is for) accepts;
 * drawn again when refused (e.g. a word that happens to be part of the person's name).
 */
export function generateTemporaryPassword(shape: TemporaryPasswordShape, accept: (candidate: string) => boolean): string {
  const separator = separatorFor(shape.specialCharacters);
  const words = wordsFor(shape.minLength);
  const length = words * WORD_LENGTH + words * separator.length + DIGIT_COUNT;
  if (length > shape.maxLength) {
    throw new Error(`could not generate a temporary password: ${length} characters are needed, the policy allows ${shape.maxLength}`);
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const candidate = [...Array.from({ length: words }, word), digits()].join(separator);
    if (accept(candidate)) return candidate;
  }
  throw new Error('could not generate a temporary password that meets the policy; check the policy settings (blocked words, strength)');
}

/** Enough words for `minLength`: each adds a word and a separator. */
function wordsFor(minLength: number): number {
  const perWord = WORD_LENGTH + 1;
  return Math.max(MIN_WORDS, Math.ceil((minLength - DIGIT_COUNT) / perWord));
}

function separatorFor(specialCharacters: string): string {
  if (specialCharacters === '') return SEPARATORS[0];
  const easy = [...SEPARATORS].find((char) => specialCharacters.includes(char));
  return easy ?? [...specialCharacters][0];
}

/** Consonant, vowel, consonant, vowel; the first one upper-case. */
function word(): string {
  const letters = [pick(CONSONANTS), pick(VOWELS), pick(CONSONANTS), pick(VOWELS)];
  return letters[0].toUpperCase() + letters.slice(1).join('');
}

function digits(): string {
  return Array.from({ length: DIGIT_COUNT }, () => pick(DIGITS)).join('');
}

function pick(chars: string): string {
  return chars[randomInt(chars.length)];
}
