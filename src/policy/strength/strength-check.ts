import { version as zxcvbnVersion } from '@zxcvbn-ts/core/package.json';
import { BOUND_CHECKED_AGAINST, cannotScoreBelow, warmUpStrengthBound } from './strength-bound';
import { warmUpZxcvbn, zxcvbnScore } from './zxcvbn-estimator';

/** Does the password reach zxcvbn score `minScore`, counting the user's own words as guessable? */
export type StrengthCheck = (password: string, userInputs: string[], minScore: number) => boolean;

/**
 * The bound is an argument about one zxcvbn release's matchers and scoring: with another
 * release installed every password goes to zxcvbn (correct, only slower) until someone
 * re-checks strength-bound.ts against it and updates BOUND_CHECKED_AGAINST.
 */
const boundApplies = zxcvbnVersion === BOUND_CHECKED_AGAINST;

/**
 * The policy's strength check: zxcvbn's verdict, reached without running zxcvbn when the
 * password provably cannot score below the floor (most long passwords; see strength-bound.ts).
 */
export const meetsStrength: StrengthCheck = (password, userInputs, minScore) =>
  (boundApplies && cannotScoreBelow(password, userInputs, minScore)) || zxcvbnScore(password, userInputs) >= minScore;

/** zxcvbn on every password: the check as it was, kept to compare against (tests, `npm run bench`). */
export const meetsStrengthByZxcvbnAlone: StrengthCheck = (password, userInputs, minScore) =>
  zxcvbnScore(password, userInputs) >= minScore;

/** Builds zxcvbn's dictionaries and the bound's fingerprints now rather than on the first check. */
export function warmUpStrength(): void {
  warmUpZxcvbn();
  if (boundApplies) warmUpStrengthBound();
}
