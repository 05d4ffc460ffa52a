/*
 * Where in a password zxcvbn's pattern matchers (repeats, sequences, keyboard walks, dates,
 * years) could find a match. Each function marks a superset of the spans the matcher can
 * report: whatever zxcvbn finds is marked, and some spans it would not report may be marked too.
 * Positions are UTF-16 code units, as in zxcvbn.
 */

type Mark = (i: number, j: number) => void;

/** zxcvbn's sequences step by at most this much between code units ('aceg', '9753'). */
const SEQUENCE_MAX_DELTA = 5;
/** zxcvbn reports keyboard walks of at least this many keys. */
const KEYBOARD_MIN_KEYS = 3;

/** Repeats: a span that is some string written twice or more ('abcabc', 'aaaa'). */
export function markRepeats(text: string, mark: Mark): void {
  const n = text.length;
  for (let period = 1; 2 * period <= n; period += 1) {
    // A run [from, to] of positions x with text[x] === text[x + period].
    let from = 0;
    for (let x = 0; x <= n - period; x += 1) {
      if (x < n - period && text.charCodeAt(x) === text.charCodeAt(x + period)) continue;
      const to = x - 1;
      for (let start = from; start + period - 1 <= to; start += 1) {
        // The base written k times needs the run to reach start + (k - 1) * period - 1.
        for (let end = start + 2 * period - 1; end - period <= to; end += period) mark(start, end);
      }
      from = x + 1;
    }
  }
}

/** Sequences: code units stepping by the same small amount ('abcd', '9753', 'zyx'). */
export function markSequences(text: string, mark: Mark): void {
  const n = text.length;
  let from = 0;
  for (let x = 1; x <= n; x += 1) {
    const delta = x < n ? text.charCodeAt(x) - text.charCodeAt(x - 1) : NaN;
    const previous = x >= 2 ? text.charCodeAt(x - 1) - text.charCodeAt(x - 2) : NaN;
    if (x >= 2 && delta === previous) continue;
    // [from, x - 1] steps by `previous` throughout (a single step when from === x - 2).
    const size = Math.abs(previous);
    if (size >= 1 && size <= SEQUENCE_MAX_DELTA) {
      const minLength = size === 1 ? 2 : 3;
      for (let i = from; i < x; i += 1) {
        for (let j = i + minLength - 1; j < x; j += 1) mark(i, j);
      }
    }
    from = x - 1;
  }
}

/** Which characters follow which on some keyboard layout, as zxcvbn's spatial matcher reads its graphs. */
export function keyboardNeighbours(graphs: Readonly<Record<string, Readonly<Record<string, ReadonlyArray<string | null>>>>>): ReadonlyMap<number, ReadonlySet<number>> {
  const neighbours = new Map<number, Set<number>>();
  for (const graph of Object.values(graphs)) {
    for (const [key, adjacents] of Object.entries(graph)) {
      if (key.length !== 1) continue;
      const set = neighbours.get(key.charCodeAt(0)) ?? new Set<number>();
      for (const adjacent of adjacents) {
        for (const char of adjacent ?? '') set.add(char.charCodeAt(0));
      }
      neighbours.set(key.charCodeAt(0), set);
    }
  }
  return neighbours;
}

/** Keyboard walks: at least three keys, each next to the one before on some layout ('qwerty', 'zaq1'). */
export function markKeyboardWalks(text: string, neighbours: ReadonlyMap<number, ReadonlySet<number>>, mark: Mark): void {
  const n = text.length;
  let from = 0;
  for (let x = 1; x <= n; x += 1) {
    if (x < n && neighbours.get(text.charCodeAt(x - 1))?.has(text.charCodeAt(x))) continue;
    for (let i = from; i < x; i += 1) {
      for (let j = i + KEYBOARD_MIN_KEYS - 1; j < x; j += 1) mark(i, j);
    }
    from = x;
  }
}

const DIGITS_ONLY = /^[0-9]{4,8}$/;
const WITH_SEPARATORS = /^[0-9]{1,4}[\s/\\_.-][0-9]{1,2}[\s/\\_.-][0-9]{1,4}$/;

/** Dates ('1991', '11/11/1991') and recent years: 4 to 8 digits, or three numbers split by separators. */
export function markDates(text: string, mark: Mark): void {
  for (let i = 0; i < text.length; i += 1) {
    for (let length = 4; length <= 10 && i + length <= text.length; length += 1) {
      const token = text.slice(i, i + length);
      if (DIGITS_ONLY.test(token) || WITH_SEPARATORS.test(token)) mark(i, i + length - 1);
    }
  }
}

/**
 * Word sequences ('OneTwoThree', 'monday-tuesday'): words of the word-sequence lists one after
 * another, at most one character between two of them. `wordEnds[i]` lists where a word that
 * starts at i may end.
 */
export function markWordChains(wordEnds: ReadonlyArray<ReadonlyArray<number>>, mark: Mark): void {
  const n = wordEnds.length;
  // chainEnds[i]: where a chain of one or more words starting at i may end (filled right to left).
  const chainEnds: Array<Set<number>> = Array.from({ length: n }, () => new Set<number>());
  for (let start = n - 1; start >= 0; start -= 1) {
    for (const end of wordEnds[start]) {
      chainEnds[start].add(end);
      // zxcvbn keeps the words it chains from overlapping; allowing overlap only adds spans.
      for (let next = start + 1; next <= end + 2 && next < n; next += 1) {
        for (const chainEnd of chainEnds[next]) chainEnds[start].add(chainEnd);
      }
    }
    for (const end of chainEnds[start]) mark(start, end);
  }
}
