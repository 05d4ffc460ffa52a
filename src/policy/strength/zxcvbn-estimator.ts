import { Options, ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import * as zxcvbnIt from '@zxcvbn-ts/language-it';
import * as zxcvbnPl from '@zxcvbn-ts/language-pl';

/*
 * Strength: zxcvbn with the common, English, Italian and Polish dictionaries. Indexing them
 * takes a few hundred milliseconds, so it is done once per process, on first use.
 */

/** Every word list zxcvbn is given, by list name. */
export const STRENGTH_DICTIONARY: Readonly<Record<string, string[]>> = {
  ...zxcvbnCommon.dictionary,
  ...zxcvbnEn.dictionary,
  // The 3.x Italian and Polish packs use bare list names ('commonWords', 'wikipedia'), which
  // would overwrite each other; core 4 takes any list name, so they get a language suffix
  // as the 4.x packs (English) already have.
  ...withLanguageSuffix(zxcvbnIt.dictionary, 'it'),
  ...withLanguageSuffix(zxcvbnPl.dictionary, 'pl'),
};

/** The keyboard layouts zxcvbn looks for walks on ('qwerty', 'keypad', ...). */
export const KEYBOARD_GRAPHS = zxcvbnCommon.adjacencyGraphs;

/**
 * zxcvbn's settings other than ours: l33t table, word-sequence list names, the length it
 * truncates to, the guess counts behind each score. Read from the library rather than copied.
 */
export const ZXCVBN_DEFAULTS = new Options();

let estimator: ZxcvbnFactory | undefined;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: KEYBOARD_GRAPHS,
    dictionary: { ...STRENGTH_DICTIONARY },
    // The default (100) makes a check of a symbol-rich password take ~50-100 ms; 20 gave the
    // same scores on our samples (including look-alike passwords) at ~15 ms.
    l33tMaxSubstitutions: 20,
  });
  return estimator;
}

/** zxcvbn's estimate of the whole password, the user's own words counting as guessable. */
export function zxcvbnEstimate(password: string, userInputs: readonly string[]): ZxcvbnResult {
  return strengthEstimator().check(password, [...userInputs]);
}

/** zxcvbn's score, 0 to 4. */
export function zxcvbnScore(password: string, userInputs: readonly string[]): number {
  return zxcvbnEstimate(password, userInputs).score;
}

/** Builds the estimator now rather than on the first check. */
export function warmUpZxcvbn(): void {
  strengthEstimator();
}

function withLanguageSuffix(dictionary: Record<string, string[]>, language: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [`${name}-${language}`, words]));
}
