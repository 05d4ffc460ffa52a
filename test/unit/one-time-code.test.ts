import { codeMatches, generateCode, hashCode, normaliseTypedCode } from '../../src/flows/shared/one-time-code';
import { newArithmeticChallenge, parseChallengeAnswer } from '../../src/flows/shared/arithmetic-challenge';

describe('one-time SMS codes', () => {
  it('are 6 digits and vary', () => {
    const codes = Array.from({ length: 200 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('are stored only as a keyed hash that does not contain the code', () => {
    const hash = hashCode('server-key', 'flow-1', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('123456');
    expect(hashCode('other-key', 'flow-1', '123456')).not.toBe(hash);
  });

  it('match only in the flow they were made for', () => {
    const hash = hashCode('server-key', 'flow-1', '123456');
    expect(codeMatches('server-key', 'flow-1', '123456', hash)).toBe(true);
    expect(codeMatches('server-key', 'flow-2', '123456', hash)).toBe(false);
    expect(codeMatches('server-key', 'flow-1', '123457', hash)).toBe(false);
  });

  it('accept what people type around the digits, and nothing that is not 6 digits', () => {
    expect(normaliseTypedCode(' 123 456 ')).toBe('123456');
    expect(normaliseTypedCode('123-456')).toBe('123456');
    expect(normaliseTypedCode('12345')).toBeUndefined();
    expect(normaliseTypedCode('12345a')).toBeUndefined();
    expect(normaliseTypedCode('1234567')).toBeUndefined();
  });
});

describe('arithmetic challenge', () => {
  it('asks a small sum or difference with a non-negative answer', () => {
    for (let i = 0; i < 100; i += 1) {
      const { question, answer } = newArithmeticChallenge();
      const [left, op, right] = question.split(' ');
      const expected = op === '+' ? Number(left) + Number(right) : Number(left) - Number(right);
      expect(answer).toBe(expected);
      expect(answer).toBeGreaterThanOrEqual(0);
    }
  });

  it('parses typed answers strictly', () => {
    expect(parseChallengeAnswer(' 12 ')).toBe(12);
    expect(parseChallengeAnswer('twelve')).toBeUndefined();
    expect(parseChallengeAnswer('')).toBeUndefined();
  });
});
