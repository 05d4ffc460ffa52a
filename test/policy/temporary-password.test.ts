/**
 * Temporary passwords, checked by the real policy validator (the same one people's own passwords
 * meet), with the directory's own rules (AD complexity, a longer minimum) folded in.
 */
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { PasswordPolicy } from '../../src/policy/password-policy';
import type { PolicySubject } from '../../src/policy/policy';
import { generateTemporaryPassword } from '../../src/policy/temporary-password';

const nobody: PolicySubject = { usernames: [], nameParts: [] };
const janKowalski: PolicySubject = { usernames: ['jkowalski', 's1234567'], nameParts: ['Jan', 'Kowalski'] };
const LOOK_ALIKES = /[0Oo1lIi|]/;

describe('temporary passwords', () => {
  const policy = new PasswordPolicy(DEFAULT_POLICY, { complexity: true, historyLength: 5, minLength: 8 });

  it('pass the default policy and AD complexity, each different, without look-alike characters', () => {
    const generated = Array.from({ length: 40 }, () => policy.generate(janKowalski));
    for (const password of generated) {
      expect(policy.check(password, janKowalski)).toEqual({ ok: true, unmet: [] });
      expect(password).not.toMatch(LOOK_ALIKES);
      expect(password.length).toBeGreaterThanOrEqual(16);
    }
    expect(new Set(generated).size).toBe(generated.length);
  });

  it('are words to read aloud: a capital, then consonant-vowel pairs, joined by "-", ending in two digits', () => {
    const password = policy.generate();
    expect(password).toMatch(/^([BCDFGHJKMNPRSTVWXZ][aeu][bcdfghjkmnprstvwxz][aeu]-){4}[2-9]{2}$/);
  });

  it('use every consonant, vowel and digit of the alphabet over many draws (no bias to a few)', () => {
    const draw = () => generateTemporaryPassword({ minLength: 16, maxLength: 64, specialCharacters: '-' }, () => true);
    const seen = new Set(Array.from({ length: 300 }, draw).join('').toLowerCase());
    for (const char of 'bcdfghjkmnprstvwxzaeu23456789-') expect(seen).toContain(char);
    expect(seen.size).toBe('bcdfghjkmnprstvwxzaeu23456789-'.length);
  });

  it('grow to a longer minimum (POLICY_MIN_LENGTH or the directory\'s)', () => {
    for (const minLength of [20, 24, 31]) {
      const longer = new PasswordPolicy({ ...DEFAULT_POLICY, minLength });
      const password = longer.generate();
      expect(password.length).toBeGreaterThanOrEqual(minLength);
      expect(longer.check(password, nobody).ok).toBe(true);
    }
    const byDirectory = new PasswordPolicy(DEFAULT_POLICY, { minLength: 26 }).generate();
    expect(byDirectory.length).toBeGreaterThanOrEqual(26);
  });

  it('join the words with a special character the policy accepts, when "-" is not one', () => {
    const dotsOnly = new PasswordPolicy({ ...DEFAULT_POLICY, specialCharacters: '.!' });
    const password = dotsOnly.generate();
    expect(password).toMatch(/^(\w{4}\.){4}\d{2}$/);
    expect(dotsOnly.check(password, nobody).ok).toBe(true);
    const odd = new PasswordPolicy({ ...DEFAULT_POLICY, specialCharacters: '§' });
    expect(odd.check(odd.generate(), nobody).ok).toBe(true);
  });

  it('are drawn again when a word happens to be part of the person\'s name', () => {
    const drawn: string[] = [];
    const password = generateTemporaryPassword({ minLength: 16, maxLength: 64, specialCharacters: '-' }, (candidate) => {
      drawn.push(candidate);
      return drawn.length === 3;
    });
    expect(drawn).toHaveLength(3);
    expect(password).toBe(drawn[2]);
  });

  it('fail loudly when the policy cannot be met', () => {
    expect(() => new PasswordPolicy({ ...DEFAULT_POLICY, maxLength: 10 }).generate()).toThrow(/could not generate/);
    expect(() => new PasswordPolicy({ ...DEFAULT_POLICY, blockedWords: ['a', 'e', 'u'] }).generate()).toThrow(/could not generate/);
  });
});
