import { version as installedZxcvbn } from '@zxcvbn-ts/core/package.json';
import { BOUND_CHECKED_AGAINST, cannotScoreBelow, possibleMatchSpans } from '../../src/policy/strength/strength-bound';
import { zxcvbnEstimate, zxcvbnScore } from '../../src/policy/strength/zxcvbn-estimator';
import { PATTERNED, randomMixed, seededRandom } from './password-samples';

const inputs = ['jkowalski', 'Jan', 'Kowalski', 'jkowalski', 'jan', 'kowalski'];

describe('cannotScoreBelow', () => {
  it('decides random passwords of 16, 64 and 128 characters from the mixed alphabet by itself', () => {
    const random = seededRandom(1);
    for (const length of [16, 64, 128]) {
      for (let sample = 0; sample < 25; sample += 1) {
        const password = randomMixed(random, length);
        expect({ password, decided: cannotScoreBelow(password, inputs, 3) }).toEqual({ password, decided: true });
      }
    }
  });

  it('agrees with zxcvbn wherever it decides, at every score floor', () => {
    const random = seededRandom(2);
    const shapes = Object.values(PATTERNED);
    let decided = 0;
    let refused = 0;
    for (let sample = 0; sample < 20; sample += 1) {
      const length = [12, 20, 32, 48][sample % 4];
      const password = sample % 5 === 4 ? randomMixed(random, length) : shapes[sample % shapes.length](random, length, 'Kowalski');
      const score = zxcvbnScore(password, inputs);
      for (const floor of [1, 2, 3, 4]) {
        if (!cannotScoreBelow(password, inputs, floor)) continue;
        decided += 1;
        expect({ password, floor, zxcvbnReachesIt: score >= floor }).toEqual({ password, floor, zxcvbnReachesIt: true });
      }
      if (score < 3) refused += 1;
    }
    // The samples must include both kinds, or this shows nothing.
    expect(decided).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(4);
  });

  it('marks every match zxcvbn builds its estimate on', () => {
    const random = seededRandom(3);
    const shapes = Object.values(PATTERNED);
    let matches = 0;
    for (let sample = 0; sample < 16; sample += 1) {
      const password = shapes[sample % shapes.length](random, 24 + (sample % 3) * 12, 'Kowalski');
      const spans = possibleMatchSpans(password, inputs);
      const used = zxcvbnEstimate(password, inputs).sequence.filter((match) => match.pattern !== 'bruteforce');
      for (const match of used) {
        matches += 1;
        expect({ password, match: match.token, marked: spans?.has(match.i, match.j) }).toEqual({ password, match: match.token, marked: true });
      }
    }
    expect(matches).toBeGreaterThan(30);
  });

  it('decides nothing when zxcvbn could read the text differently (İ lower-cases to two characters, emoji)', () => {
    expect(cannotScoreBelow(`İ${randomMixed(seededRandom(4), 40)}`, [], 3)).toBe(false);
    expect(cannotScoreBelow(`\u{1F600}${randomMixed(seededRandom(5), 40)}`, [], 3)).toBe(false);
    expect(cannotScoreBelow('', [], 1)).toBe(false);
  });

  it('is an argument about the installed zxcvbn release (re-check strength-bound.ts before changing this)', () => {
    expect(installedZxcvbn).toBe(BOUND_CHECKED_AGAINST);
  });
});
