import type { L33tClasses } from './l33t-classes';

/*
 * Where in a password zxcvbn's dictionary matchers could find a word. Each word list is kept
 * as fingerprints (hashes of the word's character classes and length) rather than as words:
 * a password span whose class sequence hashes to no fingerprint cannot be any word of the
 * list, plain, reversed or with l33t substitutions. A hash collision only makes a span look
 * like a word when it is not, which is the safe side.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function step(hash: number, classCode: number): number {
  return Math.imul(hash ^ classCode, FNV_PRIME);
}

/** The fingerprint of a span: its hash and length mixed; never 0, which marks an empty slot. */
function fingerprint(hash: number, length: number): number {
  let key = Math.imul(hash ^ length, FNV_PRIME);
  key ^= key >>> 15;
  return key === 0 ? 1 : key;
}

/**
 * The fingerprints of a word list, in typed arrays since the lists hold ~500 000 words: the
 * words themselves (open addressing), and a bit per fingerprint of every word's beginnings,
 * so that reading a password stops as soon as no word starts that way.
 */
export class WordFingerprints {
  private readonly words: Int32Array;
  private readonly beginnings: Uint32Array;
  /** The longest word, in UTF-16 code units. */
  readonly maxLength: number;

  /** `lists`: word lists, as zxcvbn takes them. */
  constructor(lists: ReadonlyArray<readonly string[]>, classes: L33tClasses) {
    let count = 0;
    let letters = 0;
    let maxLength = 0;
    for (const list of lists) {
      count += list.length;
      for (const word of list) {
        letters += word.length;
        maxLength = Math.max(maxLength, word.length);
      }
    }
    this.maxLength = maxLength;
    // Locals rather than fields in the loop below: it runs over ~3 million letters at start.
    const words = new Int32Array(powerOfTwoAtLeast(count * 2));
    const wordMask = words.length - 1;
    // Four bits per beginning: most bits stay clear, so a random reading stops soon.
    const beginnings = new Uint32Array(powerOfTwoAtLeast(letters * 4) / 32);
    const beginningMask = beginnings.length - 1;
    for (const list of lists) {
      for (const word of list) {
        let hash = FNV_OFFSET;
        for (let index = 0; index < word.length; index += 1) {
          hash = step(hash, classes.of(word.charCodeAt(index)));
          const key = fingerprint(hash, index + 1);
          beginnings[(key >>> 5) & beginningMask] |= 1 << (key & 31);
        }
        const key = fingerprint(hash, word.length);
        let slot = key & wordMask;
        while (words[slot] !== 0 && words[slot] !== key) slot = (slot + 1) & wordMask;
        words[slot] = key;
      }
    }
    this.words = words;
    this.beginnings = beginnings;
  }

  /** Could a word of this list be `length` code units whose classes hash to `hash`? */
  has(length: number, hash: number): boolean {
    const key = fingerprint(hash, length);
    const mask = this.words.length - 1;
    for (let slot = key & mask; this.words[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.words[slot] === key) return true;
    }
    return false;
  }

  /** Could a word of this list begin with `length` code units whose classes hash to `hash`? */
  begins(length: number, hash: number): boolean {
    const key = fingerprint(hash, length);
    return (this.beginnings[(key >>> 5) & (this.beginnings.length - 1)] & (1 << (key & 31))) !== 0;
  }
}

function powerOfTwoAtLeast(count: number): number {
  let size = 64;
  while (size < count) size *= 2;
  return size;
}

/** A password as the word matchers see it: one character class per code unit, and where a multi-character substitution starts. */
export interface ClassifiedText {
  readonly length: number;
  /** Class of each code unit, lower-cased. */
  readonly classes: Uint16Array;
  /** At each position: the length and letter class of every multi-character substitution written there. */
  readonly substitutionsAt: ReadonlyArray<ReadonlyArray<{ length: number; letterClass: number }>>;
}

/**
 * Calls `mark(i, j)` for every span [i, j] that could be a word of `words`, read forwards
 * with any l33t substitutions (a multi-character one counts as one letter) or read backwards
 * as written. Returns false when there were too many ways to read the text (more than
 * `budget` steps): then nothing can be concluded.
 */
export function markWordSpans(
  text: ClassifiedText,
  words: WordFingerprints,
  budget: number,
  mark: (i: number, j: number) => void,
): boolean {
  const maxLetters = words.maxLength;
  let steps = 0;
  // Forwards from `start`, one letter at a time up to the longest word; a multi-character
  // substitution is a second way to read the next letter, followed recursively.
  const forwards = (start: number, from: number, lettersBefore: number, hashBefore: number): boolean => {
    let hash = hashBefore;
    for (let position = from, letters = lettersBefore; letters < maxLetters && position < text.length; position += 1) {
      steps += 1;
      if (steps > budget) return false;
      for (const substitution of text.substitutionsAt[position]) {
        const read = step(hash, substitution.letterClass);
        if (position + substitution.length > text.length || !words.begins(letters + 1, read)) continue;
        if (words.has(letters + 1, read)) mark(start, position + substitution.length - 1);
        if (!forwards(start, position + substitution.length, letters + 1, read)) return false;
      }
      hash = step(hash, text.classes[position]);
      letters += 1;
      if (!words.begins(letters, hash)) break;
      if (words.has(letters, hash)) mark(start, position);
    }
    return true;
  };
  for (let start = 0; start < text.length; start += 1) {
    if (!forwards(start, start, 0, FNV_OFFSET)) return false;
  }
  // Backwards: zxcvbn's reversed matcher reads the reversed password without substitutions.
  for (let end = 0; end < text.length; end += 1) {
    let hash = FNV_OFFSET;
    for (let start = end; start >= 0 && end - start < maxLetters; start -= 1) {
      hash = step(hash, text.classes[start]);
      if (!words.begins(end - start + 1, hash)) break;
      if (words.has(end - start + 1, hash)) mark(start, end);
    }
  }
  return true;
}
