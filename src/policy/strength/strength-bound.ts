import { L33tClasses } from './l33t-classes';
import { keyboardNeighbours, markDates, markKeyboardWalks, markRepeats, markSequences, markWordChains } from './pattern-spans';
import { markWordSpans, WordFingerprints, type ClassifiedText } from './word-spans';
import { KEYBOARD_GRAPHS, STRENGTH_DICTIONARY, ZXCVBN_DEFAULTS } from './zxcvbn-estimator';

/*
 * Why this exists: zxcvbn looks up every substring of the password in every word list, and
 * again for up to 20 l33t readings of it; a random 64-character password took ~130 ms of event
 * loop, 128 characters ~0.5 s. This file decides, in well under a millisecond, that zxcvbn
 * cannot give a password a score below the floor, so that zxcvbn need not run at all. When it
 * cannot decide, zxcvbn runs as before: verdicts never change, only the time to reach them.
 *
 * The argument, from how zxcvbn 4.2.0 scores (scoring/index.ts, scoring/estimate.ts):
 * - its guess count for a password is that of one way of cutting it into l consecutive pieces,
 *   each a match of some matcher (or "bruteforce"): l! × (product of the pieces' guesses) +
 *   10000^(l-1); the score is below s exactly when that is below the s-th threshold + 5;
 * - a matched piece counts at least 1 guess if it is the whole password, else at least 10
 *   (one character) or 50 (more); a bruteforce piece of k characters max(10^k, 11 or 51);
 * so if no cutting into pieces, each either a span some matcher could report (marked by
 * pattern-spans.ts and word-spans.ts, a superset) or bruteforce, gets that formula below the
 * threshold even with those minimum counts, zxcvbn cannot get below it either. At floor 3, the
 * formula is over the threshold for any cutting into three or more pieces, so a password is
 * only at risk if it is one or two (nearly) matched pieces: long random passwords never are.
 */

/** The @zxcvbn-ts/core release the argument above was checked against (see strength-check.ts). */
export const BOUND_CHECKED_AGAINST = '4.2.0';

// zxcvbn's constants (data/const.ts, TimeEstimates.ts), which it does not export.
const SCORE_DELTA = 5;
const SEQUENCE_PENALTY = 10_000;
const MIN_GUESSES_ONE_CHARACTER = 10;
const MIN_GUESSES_LONGER = 50;
const BRUTEFORCE_CARDINALITY = 10;
const MIN_BRUTEFORCE_ONE_CHARACTER = 11;
const MIN_BRUTEFORCE_LONGER = 51;
/** Float products are rounded; a bound this close to the threshold proves nothing. */
const MARGIN = 1 + 1e-9;
/** Ways to read a password with multi-character substitutions, before giving up (to zxcvbn). */
const READING_BUDGET = 50_000;

interface Index {
  classes: L33tClasses;
  /** Every word of every list zxcvbn has. */
  words: WordFingerprints;
  /** The lists zxcvbn chains into word sequences ('one', 'monday', ...). */
  sequenceWords: WordFingerprints;
  neighbours: ReadonlyMap<number, ReadonlySet<number>>;
}

let index: Index | undefined;

function strengthIndex(): Index {
  if (index) return index;
  const classes = new L33tClasses(ZXCVBN_DEFAULTS.l33tTable);
  const sequenceLists = Object.entries(STRENGTH_DICTIONARY).filter(([list]) => ZXCVBN_DEFAULTS.isWordSequence(list));
  index = {
    classes,
    words: new WordFingerprints(Object.values(STRENGTH_DICTIONARY), classes),
    sequenceWords: new WordFingerprints(sequenceLists.map(([_list, words]) => words), classes),
    neighbours: keyboardNeighbours(KEYBOARD_GRAPHS),
  };
  return index;
}

/** Builds the word fingerprints now rather than on the first check. */
export function warmUpStrengthBound(): void {
  strengthIndex();
}

/**
 * True when zxcvbn (as configured in zxcvbn-estimator.ts, with these user inputs) cannot score
 * `password` below `minScore`. False means "not shown", not "weak": ask zxcvbn.
 */
export function cannotScoreBelow(password: string, userInputs: readonly string[], minScore: number): boolean {
  if (minScore <= 0) return true;
  if (minScore > 4 || !Number.isInteger(minScore)) return false;
  const spans = possibleMatchSpans(password, userInputs);
  if (!spans) return false;
  const limit = threshold(minScore);
  return leastGuesses(spans, limit) >= limit * MARGIN;
}

/** Spans [i, j] (code units, inclusive) of the text zxcvbn reads: the password cut to its maximum length. */
export interface MatchSpans {
  readonly length: number;
  has(i: number, j: number): boolean;
}

/**
 * Every span where one of zxcvbn's matchers could report a match (more, never fewer), or
 * undefined when that cannot be worked out: nothing can then be proven.
 */
export function possibleMatchSpans(password: string, userInputs: readonly string[]): MatchSpans | undefined {
  const text = password.substring(0, ZXCVBN_DEFAULTS.maxLength);
  const n = text.length;
  const { classes, words, sequenceWords, neighbours } = strengthIndex();
  const classified = classify(text, classes);
  if (n === 0 || !classified) return undefined;

  const marked = new Uint8Array(n * n);
  const mark = (i: number, j: number) => {
    marked[i * n + j] = 1;
  };
  // Any one character may be a separator, or a one-letter word.
  for (let i = 0; i < n; i += 1) mark(i, i);
  const inputs = new WordFingerprints([userInputs.map((input) => input.toLowerCase())], classes);
  const wordEnds: number[][] = Array.from({ length: n }, () => []);
  const readable = markWordSpans(classified, words, READING_BUDGET, mark)
    && markWordSpans(classified, inputs, READING_BUDGET, mark)
    && markWordSpans(classified, sequenceWords, READING_BUDGET, (i, j) => wordEnds[i].push(j));
  if (!readable) return undefined;
  markWordChains(wordEnds, mark);
  markRepeats(text, mark);
  markSequences(text, mark);
  markKeyboardWalks(text, neighbours, mark);
  markDates(text, mark);
  return { length: n, has: (i, j) => marked[i * n + j] === 1 };
}

/** zxcvbn scores below `minScore` exactly when its guess count is below this. */
function threshold(minScore: number): number {
  const scoring = ZXCVBN_DEFAULTS.timeEstimationValues.scoring;
  return scoring[(minScore - 1) as 0 | 1 | 2 | 3] + SCORE_DELTA;
}

/**
 * The least of zxcvbn's formula over every cutting of [0, n) into pieces, counting each marked
 * piece at zxcvbn's minimum and each other piece as bruteforce. Products at or over `limit`
 * are not followed (they cannot bring the formula under it); the result is then `limit` or more.
 */
function leastGuesses(spans: MatchSpans, limit: number): number {
  const n = spans.length;
  const bruteforce = Array.from({ length: n + 1 }, (_unused, length) =>
    Math.max(BRUTEFORCE_CARDINALITY ** length, length === 1 ? MIN_BRUTEFORCE_ONE_CHARACTER : MIN_BRUTEFORCE_LONGER));
  const pieceGuesses = (i: number, j: number): number => {
    const length = j - i + 1;
    if (!spans.has(i, j)) return bruteforce[length];
    return length === n ? 1 : length === 1 ? MIN_GUESSES_ONE_CHARACTER : MIN_GUESSES_LONGER;
  };
  let least = Infinity;
  // products[x]: the least product over cuttings of [0, x] into `pieces` pieces.
  let products = new Float64Array(n).fill(Infinity);
  for (let pieces = 1; SEQUENCE_PENALTY ** (pieces - 1) < limit; pieces += 1) {
    const next = new Float64Array(n).fill(Infinity);
    for (let start = 0; start < n; start += 1) {
      const before = pieces === 1 ? (start === 0 ? 1 : Infinity) : start === 0 ? Infinity : products[start - 1];
      if (before >= limit) continue;
      for (let end = start; end < n; end += 1) {
        const product = before * pieceGuesses(start, end);
        if (product < next[end]) next[end] = product;
      }
    }
    products = next;
    least = Math.min(least, factorial(pieces) * products[n - 1] + SEQUENCE_PENALTY ** (pieces - 1));
  }
  return least;
}

function factorial(k: number): number {
  return k <= 1 ? 1 : k * factorial(k - 1);
}

/**
 * The password's code units as character classes, lower-cased one by one. Undefined (nothing
 * can be concluded) when a unit lower-cases to more than one (İ) or is half of a surrogate
 * pair: there, zxcvbn's positions and ours could disagree.
 */
function classify(text: string, classes: L33tClasses): ClassifiedText | undefined {
  const codes = new Uint16Array(text.length);
  let lower = '';
  for (let x = 0; x < text.length; x += 1) {
    const unit = text.charCodeAt(x);
    const lowered = text[x].toLowerCase();
    if ((unit >= 0xd800 && unit <= 0xdfff) || lowered.length !== 1) return undefined;
    codes[x] = classes.of(lowered.charCodeAt(0));
    lower += lowered;
  }
  const substitutionsAt = Array.from({ length: text.length }, (_unused, x) => classes.multiCharacter
    .filter(({ text: substitution }) => lower.startsWith(substitution.toLowerCase(), x))
    .map(({ text: substitution, letterClass }) => ({ length: substitution.length, letterClass })));
  return { length: text.length, classes: codes, substitutionsAt };
}
