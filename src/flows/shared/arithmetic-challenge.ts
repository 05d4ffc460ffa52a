import { randomInt } from 'node:crypto';

export interface ArithmeticChallenge {
  /** What the person is asked, e.g. "7 + 5". */
  question: string;
  answer: number;
}

/** A small sum or difference with a non-negative result: a speed bump for scripts, as in the seed. */
export function newArithmeticChallenge(): ArithmeticChallenge {
  const a = randomInt(2, 20);
  const b = randomInt(1, 10);
  if (randomInt(0, 2) === 0) return { question: `${a} + ${b}`, answer: a + b };
  const [high, low] = a >= b ? [a, b] : [b, a];
  return { question: `${high} − ${low}`, answer: high - low };
}

export function parseChallengeAnswer(typed: string): number | undefined {
  const trimmed = typed.trim();
  return /^-?\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}
