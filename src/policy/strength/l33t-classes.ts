/**
 * L33t classes, for reading a password the way zxcvbn's dictionary matchers can: a letter
 * and every single character zxcvbn's l33t table lets stand for it ('a', '4', '@') share a
 * class, joined transitively ('1' stands for 'i' and 'l', so 'i', 'l', '1', '!', '|', '7', 't'
 * and '+' are one class). Two strings whose classes differ anywhere cannot be one word
 * written with and without substitutions. Coarser than zxcvbn, never finer.
 */
export class L33tClasses {
  private readonly representative = new Uint16Array(0x10000);
  /** Substitutions longer than one character ('|_|' for 'u'), each with its letter's class. */
  readonly multiCharacter: ReadonlyArray<{ text: string; letterClass: number }>;

  constructor(l33tTable: Readonly<Record<string, readonly string[]>>) {
    const parent = new Uint16Array(0x10000).map((_unused, code) => code);
    const find = (code: number): number => {
      let root = code;
      while (parent[root] !== root) root = parent[root];
      while (parent[code] !== root) [code, parent[code]] = [parent[code], root];
      return root;
    };
    const join = (a: number, b: number) => {
      parent[find(a)] = find(b);
    };
    const multiCharacter: Array<{ text: string; letter: number }> = [];
    for (const [letter, substitutions] of Object.entries(l33tTable)) {
      for (const substitution of substitutions) {
        if (substitution.length === 1) join(substitution.charCodeAt(0), letter.charCodeAt(0));
        else multiCharacter.push({ text: substitution, letter: letter.charCodeAt(0) });
      }
    }
    // String.toLowerCase() turns Σ into σ or, at the end of a word, ς: which one depends on
    // where zxcvbn cut the text, so both are one class.
    join('σ'.charCodeAt(0), 'ς'.charCodeAt(0));
    for (let code = 0; code < 0x10000; code += 1) this.representative[code] = find(code);
    this.multiCharacter = multiCharacter.map(({ text, letter }) => ({ text, letterClass: this.representative[letter] }));
  }

  /** The class of one UTF-16 code unit. */
  of(codeUnit: number): number {
    return this.representative[codeUnit];
  }
}
