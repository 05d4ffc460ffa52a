import { STRENGTH_DICTIONARY, ZXCVBN_DEFAULTS } from '../../src/policy/strength/zxcvbn-estimator';

/*
 * Passwords for comparing the policy's strength verdict with zxcvbn's: long ones built from
 * dictionary words and keyboard patterns (which zxcvbn may refuse however long they are), and
 * random ones. Drawn from a seeded generator, so a failure names a password that can be re-run.
 */

/** mulberry32: small, seeded, good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The policy's mixed alphabet: letters, digits and the Polish page's special characters. */
export const MIXED_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@#$%^&*-_+=[]{}|\\:\',.?/`~"();';

export function randomMixed(random: Random, length: number): string {
  return Array.from({ length }, () => pick(random, [...MIXED_ALPHABET])).join('');
}

/** One of the `top` most common words of a random list zxcvbn has. */
function commonWord(random: Random, top = 300): string {
  const lists = Object.entries(STRENGTH_DICTIONARY).filter(([name]) => !ZXCVBN_DEFAULTS.isWordSequence(name));
  const [, words] = pick(random, lists);
  return String(words[Math.floor(random() * Math.min(top, words.length))]);
}

function l33t(random: Random, word: string): string {
  const table = ZXCVBN_DEFAULTS.l33tTable as Readonly<Record<string, readonly string[]>>;
  return [...word].map((char) => (table[char] && random() < 0.6 ? pick(random, table[char]) : char)).join('');
}

function atLeast(length: number, next: () => string, separator = ''): string {
  let text = next();
  while (text.length < length) text += separator + next();
  return text.slice(0, 128);
}

const WALKS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv', 'poiuytrewq', 'QWERTYUIOP', '!@#$%^&*()', 'zaq12wsxcde3'];
/** Every printable ASCII character in order: one sequence, whatever its length. */
const ASCII_RUN = Array.from({ length: 94 }, (_unused, index) => String.fromCharCode(33 + index)).join('');
/** Word-sequence lists with long words, so that five of them make a long password. */
// (Not the ordinals: zxcvbn reads 'sixteenth' as 'sixteen' and 'th', which breaks the sequence.)
const LONG_SEQUENCE_WORDS = ['months-en', 'daysOfWeek-en', 'zodiacSigns-en'];

/**
 * Password shapes built from words and patterns, each drawn at about `length` characters
 * (at most 128); `ownName` is the person's name. The first are ones zxcvbn may well accept when
 * long; those in WEAK_SHAPES it refuses however long they are.
 */
export const PATTERNED: Readonly<Record<string, (random: Random, length: number, ownName: string) => string>> = {
  'common words joined': (random, length) =>
    atLeast(length, () => capitalise(commonWord(random)), pick(random, ['-', '.', ' ', '_', ''])) + '1!',
  'words in l33t': (random, length) => atLeast(length, () => l33t(random, commonWord(random, 100)), '-'),
  'keyboard walks joined': (random, length) => atLeast(length, () => pick(random, WALKS)),
  'one word repeated': (random, length) => {
    const unit = `${capitalise(commonWord(random, 50))}${Math.floor(random() * 100)}#`;
    return atLeast(length, () => unit);
  },
  'one keyboard walk repeated': (random, length) => {
    const walk = pick(random, WALKS);
    return atLeast(length, () => walk);
  },
  // Five words: zxcvbn counts 5! orderings of a sequence, and far more for a longer one.
  'five months, days or zodiac signs in order': (random) => {
    const [, words] = pick(random, Object.entries(STRENGTH_DICTIONARY).filter(([name]) => LONG_SEQUENCE_WORDS.includes(name)));
    const first = Math.floor(random() * words.length);
    return `${Array.from({ length: 5 }, (_unused, index) => capitalise(String(words[(first + index) % words.length]))).join('')}7!`;
  },
  'a run of characters': (random, length) => {
    const start = Math.floor(random() * Math.max(1, ASCII_RUN.length - length));
    return ASCII_RUN.slice(start, start + length);
  },
  'own name repeated': (random, length, ownName) => {
    const unit = `${ownName}${1950 + Math.floor(random() * 60)}!`;
    return atLeast(length, () => unit);
  },
};

/** The shapes zxcvbn refuses at any length (a repeat, a sequence, a short word sequence). */
export const WEAK_SHAPES = ['one word repeated', 'one keyboard walk repeated', 'five months, days or zodiac signs in order', 'a run of characters', 'own name repeated'];
