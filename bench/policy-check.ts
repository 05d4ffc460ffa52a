/**
 * The policy check on its own: `PasswordPolicy.check()` of random passwords from the policy's
 * mixed alphabet, as shipped (zxcvbn only where the strength bound cannot decide) and as it was
 * (zxcvbn on every password), in the same process, interleaved in ABBA order after warm-up rounds.
 * The old path is slow, so it gets fewer samples; each row says how many.
 */
import { randomInt } from 'node:crypto';
import { DEFAULT_POLICY, DEFAULT_SPECIAL_CHARACTERS } from '../src/policy/default-policy';
import { PasswordPolicy } from '../src/policy/password-policy';
import type { PolicySubject } from '../src/policy/policy';
import { meetsStrengthByZxcvbnAlone } from '../src/policy/strength/strength-check';
import { summarise, type Summary } from './stats';

/** The policy's alphabet: letters, digits and the Polish page's special characters. */
export const MIXED_ALPHABET = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789${DEFAULT_SPECIAL_CHARACTERS}`;
const SUBJECT: PolicySubject = { usernames: ['jkowalski', 's1234567'], nameParts: ['Jan', 'Kowalski'] };

/** Password length → checks per path over all measured rounds (the old path costs ~0.5 s at 128). */
const SAMPLES: ReadonlyArray<{ length: number; now: number; before: number }> = [
  { length: 12, now: 1000, before: 300 },
  { length: 64, now: 1000, before: 60 },
  { length: 128, now: 1000, before: 30 },
];

export interface PolicyFigures {
  length: number;
  now: Summary;
  before: Summary;
}

export function randomPassword(length: number): string {
  return Array.from({ length }, () => MIXED_ALPHABET[randomInt(MIXED_ALPHABET.length)]).join('');
}

export function benchPolicyCheck(options: { rounds: number; warmupRounds: number; verbose: boolean }): PolicyFigures[] {
  PasswordPolicy.warmUp();
  const paths = {
    now: new PasswordPolicy(DEFAULT_POLICY),
    before: new PasswordPolicy(DEFAULT_POLICY, {}, meetsStrengthByZxcvbnAlone),
  };
  return SAMPLES.map(({ length, now, before }) => {
    const samples = { now: [] as number[], before: [] as number[] };
    for (let round = 1 - options.warmupRounds; round <= options.rounds; round += 1) {
      // ABBA order, as in the other parts.
      const order = Math.abs(round) % 2 === 0 ? (['now', 'before'] as const) : (['before', 'now'] as const);
      for (const path of order) {
        const perRound = Math.ceil((path === 'now' ? now : before) / options.rounds);
        const times = Array.from({ length: perRound }, () => timeCheck(paths[path], randomPassword(length)));
        if (round > 0) samples[path].push(...times);
      }
    }
    const figures = { length, now: summarise(samples.now), before: summarise(samples.before) };
    if (options.verbose) process.stdout.write(`policy check, ${length} characters: now p99 ${figures.now.p99.toFixed(3)} ms, before p99 ${figures.before.p99.toFixed(1)} ms\n`);
    return figures;
  });
}

function timeCheck(policy: PasswordPolicy, password: string): number {
  const started = performance.now();
  policy.check(password, SUBJECT);
  return performance.now() - started;
}
