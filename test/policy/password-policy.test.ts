import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { dictionary as italian } from '@zxcvbn-ts/language-it';
import { dictionary as polish } from '@zxcvbn-ts/language-pl';
import type { DirectoryPasswordSettings } from '../../src/directory/directory';
import { DEFAULT_POLICY, DEFAULT_SPECIAL_CHARACTERS } from '../../src/policy/default-policy';
import { PasswordPolicy } from '../../src/policy/password-policy';
import type { PolicyRuleCode, PolicySettings, PolicySubject } from '../../src/policy/policy';
import { meetsStrengthByZxcvbnAlone } from '../../src/policy/strength/strength-check';
import { PATTERNED, randomMixed, seededRandom, WEAK_SHAPES } from './password-samples';

const nobody: PolicySubject = { usernames: [], nameParts: [] };
const janKowalski: PolicySubject = { usernames: ['JKowalski'], nameParts: ['Jan', 'Kowalski'] };

/** The policy's own class rules switched off, to see the directory's rule alone. */
const noClassRules: PolicySettings = {
  ...DEFAULT_POLICY,
  requireUppercase: false,
  requireLowercase: false,
  requireDigit: false,
  specialCharacters: '',
};

function unmetCodes(policy: PasswordPolicy, password: string, subject: PolicySubject = nobody): PolicyRuleCode[] {
  return policy.check(password, subject).unmet.map((rule) => rule.code);
}

/** The seed's list as printed on the Polish page (Krok III), its ‘ typed as the ASCII apostrophe. */
const SEED_SPECIALS = '@ # $ % ^ & * - _ + = [ ] { } | \\ : \' , . ? / ` ~ " ( ) ;'.split(' ');

describe('PasswordPolicy.rules', () => {
  it('lists the default checklist in order with its parameters, without the max-length sanity limit', () => {
    expect(new PasswordPolicy(DEFAULT_POLICY).rules()).toEqual([
      { code: 'min-length', params: { min: 12 } },
      { code: 'uppercase' },
      { code: 'lowercase' },
      { code: 'digit' },
      { code: 'special', params: { chars: DEFAULT_SPECIAL_CHARACTERS } },
      { code: 'no-username' },
      { code: 'no-name-parts' },
      { code: 'strength', params: { min: 3 } },
    ]);
  });

  it('adds not-blocked when there are blocked words, and leaves out the rules that are switched off', () => {
    const policy = new PasswordPolicy({ ...noClassRules, forbidPersonalInfo: false, minStrength: 0, blockedWords: ['jagiellonski'] });
    expect(policy.rules()).toEqual([{ code: 'min-length', params: { min: 12 } }, { code: 'not-blocked' }]);
  });

  it('appends the directory rules after the policy rules, with the history count', () => {
    const codes = new PasswordPolicy(DEFAULT_POLICY, { complexity: true, historyLength: 5 }).rules();
    expect(codes.slice(-2)).toEqual([{ code: 'directory-complexity' }, { code: 'directory-history', params: { count: 5 } }]);
  });
});

describe('PasswordPolicy.check', () => {
  const policy = new PasswordPolicy(DEFAULT_POLICY, { complexity: true, historyLength: 5 });

  it('accepts a long, varied password', () => {
    expect(policy.check('Winter-Trout-Lamp-42', janKowalski)).toEqual({ ok: true, unmet: [] });
  });

  const complexity = { complexity: true };
  it.each<[PolicyRuleCode, string, Partial<PolicySettings>, PolicySubject, DirectoryPasswordSettings?]>([
    ['min-length', 'Tq7#Vm2xR9k', {}, nobody],
    ['max-length', 'Tq7#Vm2xR9k'.repeat(12), {}, nobody],
    ['uppercase', 'tq7#vm2xr9kw', {}, nobody],
    ['lowercase', 'TQ7#VM2XR9KW', {}, nobody],
    ['digit', 'Tq#Vm$xRpkWz', {}, nobody],
    ['special', 'Tq7Vm2xR9kWz', {}, nobody],
    ['no-username', 'hbroxton#Tq7Vm2xR9kW', {}, { usernames: ['hbroxton'], nameParts: [] }],
    ['no-name-parts', 'Broxton#Tq7Vm2xR9kW', {}, { usernames: ['hb123'], nameParts: ['Broxton'] }],
    ['not-blocked', 'Uniwersytet#Tq7Vm2xR9kW', { blockedWords: ['uniwersytet'] }, nobody],
    ['strength', 'Password123#', {}, nobody],
    ['directory-complexity', 'tqvmxrkwzpbnhd', noClassRules, nobody, complexity],
  ])('refuses a password that breaks only %s, naming that rule', (code, password, overrides, subject, directory = {}) => {
    const alone = new PasswordPolicy({ ...DEFAULT_POLICY, ...overrides }, directory);
    expect(unmetCodes(alone, password, subject)).toEqual([code]);
  });

  it('names the limit in the min-length and max-length rules it reports', () => {
    expect(policy.check('Tq7#Vm2xR9k', nobody).unmet).toEqual([{ code: 'min-length', params: { min: 12 } }]);
    expect(policy.check('Tq7#Vm2xR9k'.repeat(12), nobody).unmet).toEqual([{ code: 'max-length', params: { max: 128 } }]);
  });

  it('names every unmet rule, in checklist order', () => {
    expect(unmetCodes(policy, 'jkowalski', janKowalski)).toEqual([
      'min-length',
      'uppercase',
      'digit',
      'special',
      'no-username',
      'no-name-parts',
      'strength',
      'directory-complexity',
    ]);
  });

  it('never reports directory-history: only the directory knows past passwords', () => {
    expect(unmetCodes(policy, 'x', janKowalski)).not.toContain('directory-history');
  });

  describe('special characters', () => {
    it('uses exactly the Polish page list by default', () => {
      expect([...DEFAULT_SPECIAL_CHARACTERS]).toEqual(SEED_SPECIALS);
    });

    it.each(SEED_SPECIALS)('accepts %s alone as the special character', (special) => {
      expect(policy.check(`Tq7Vm2xR9kWz${special}`, nobody)).toEqual({ ok: true, unmet: [] });
    });

    it.each(['!', '<', '>', '€', ' '])('does not count %j, which is not in the list', (other) => {
      expect(unmetCodes(policy, `Tq7Vm2xR9kWz${other}`)).toEqual(['special']);
    });
  });

  describe('letters beyond ASCII', () => {
    it('counts accented and Polish letters as upper- and lower-case', () => {
      expect(unmetCodes(policy, 'ÀÈŚĆŻ-ąęśćż-4829')).toEqual([]);
    });

    it('counts length in characters, not UTF-16 units', () => {
      // 11 characters, one of them outside the Basic Multilingual Plane (2 UTF-16 units).
      expect(unmetCodes(policy, 'Tq7#Vm2xR9\u{1F600}')).toContain('min-length');
    });
  });

  describe('personal information', () => {
    it('refuses the username in any case', () => {
      expect(unmetCodes(policy, 'jkowalski#Tq7Vm2xR9', janKowalski)).toContain('no-username');
      expect(unmetCodes(policy, 'Tq7#JKOWALSKI#Vm2x9', janKowalski)).toContain('no-username');
    });

    it('refuses a name part in any case, and the parts of a compound name', () => {
      const subject: PolicySubject = { usernames: ['amr'], nameParts: ['Anna-Maria', 'Rossi'] };
      expect(unmetCodes(policy, 'Tq7#ROSSI#Vm2x9Wz', subject)).toContain('no-name-parts');
      expect(unmetCodes(policy, 'Tq7#maria#Vm2x9Wz', subject)).toContain('no-name-parts');
    });

    it('refuses a name written without its accents or with look-alike characters', () => {
      const subject: PolicySubject = { usernames: ['lw42'], nameParts: ['Łukasz', 'Wróbel'] };
      expect(unmetCodes(policy, 'Tq7#Lukasz#Vm2x9Wz', subject)).toContain('no-name-parts');
      expect(unmetCodes(policy, 'Tq7#WR0B3L#Vm2x9Wz', subject)).toContain('no-name-parts');
    });

    it('ignores name parts shorter than three letters, such as the surname Li', () => {
      const subject: PolicySubject = { usernames: ['wli'], nameParts: ['Wei', 'Li'] };
      expect(unmetCodes(policy, 'Limonata-Verde-93', subject)).toEqual([]);
      expect(unmetCodes(policy, 'Tq7#WEI#Vm2x9Wzk', subject)).toContain('no-name-parts');
    });
  });

  describe('strength', () => {
    it.each(['Password123#', 'Qwerty123456#'])('refuses %s, which meets every class rule', (weak) => {
      expect(unmetCodes(policy, weak)).toEqual(['strength']);
    });

    it('refuses a password built on a common Italian word', () => {
      expect(italian.commonWords).toContain('perfavore');
      expect(unmetCodes(policy, 'Perfavore12#')).toEqual(['strength']);
      expect(englishOnlyScore('Perfavore12#')).toBeGreaterThanOrEqual(3);
    });

    it('refuses a password built on a common Polish word', () => {
      expect(polish.commonWords).toContain('dziękuję');
      expect(unmetCodes(policy, 'Dziękuję1234#')).toEqual(['strength']);
      expect(englishOnlyScore('Dziękuję1234#')).toBeGreaterThanOrEqual(3);
    });

    it('counts the person\'s own names as guessable', () => {
      // An unusual surname is no dictionary word, but it is the first guess against its owner.
      const namesAllowed = new PasswordPolicy({ ...DEFAULT_POLICY, forbidPersonalInfo: false });
      const owner: PolicySubject = { usernames: ['s1234'], nameParts: ['Xqzvbrtk'] };
      expect(unmetCodes(namesAllowed, 'Xqzvbrtk1990#', nobody)).toEqual([]);
      expect(unmetCodes(namesAllowed, 'Xqzvbrtk1990#', owner)).toEqual(['strength']);
    });
  });
});

describe('PasswordPolicy strength verdicts, decided without zxcvbn where they can be', () => {
  // The same policy twice: as shipped, and with zxcvbn run on every password (the check before).
  const policy = new PasswordPolicy(DEFAULT_POLICY, { complexity: true });
  const zxcvbnAlone = new PasswordPolicy(DEFAULT_POLICY, { complexity: true }, meetsStrengthByZxcvbnAlone);
  it.each(WEAK_SHAPES)('still refuses a long password of %s, as zxcvbn alone does', (shape) => {
    const password = PATTERNED[shape](seededRandom(shape.length), 48, 'Kowalski');
    const before = zxcvbnAlone.check(password, janKowalski);
    // The sample must be one zxcvbn refuses, or this shows nothing.
    expect({ password, before: before.unmet.map((rule) => rule.code) }).toEqual({ password, before: expect.arrayContaining(['strength']) });
    expect({ password, verdict: policy.check(password, janKowalski) }).toEqual({ password, verdict: before });
  });

  it('gives zxcvbn\'s verdict on passwords of words, patterns and random characters, 12 to 128 long', () => {
    const random = seededRandom(7);
    const shapes = Object.values(PATTERNED);
    for (let sample = 0; sample < 16; sample += 1) {
      const length = [12, 16, 24, 32, 48, 64, 96, 128][sample % 8];
      const password = sample % 3 === 0 ? randomMixed(random, length) : shapes[sample % shapes.length](random, length, 'Kowalski');
      expect({ password, verdict: policy.check(password, janKowalski) })
        .toEqual({ password, verdict: zxcvbnAlone.check(password, janKowalski) });
    }
  });
});

describe('PasswordPolicy with directory settings', () => {
  it('raises the minimum length to the directory\'s, never lowers it', () => {
    const raised = new PasswordPolicy(DEFAULT_POLICY, { minLength: 16 });
    expect(raised.rules()[0]).toEqual({ code: 'min-length', params: { min: 16 } });
    expect(raised.check('Winter-Trout-42', nobody).unmet).toEqual([{ code: 'min-length', params: { min: 16 } }]);
    expect(new PasswordPolicy(DEFAULT_POLICY, { minLength: 8 }).rules()[0]).toEqual({ code: 'min-length', params: { min: 12 } });
  });

  it('adds AD complexity: three of four character classes', () => {
    const policy = new PasswordPolicy({ ...noClassRules, minStrength: 0 }, { complexity: true });
    expect(unmetCodes(policy, 'tqvmxrkwzpbn')).toEqual(['directory-complexity']);
    expect(unmetCodes(policy, 'tqvmxrkwzpb7')).toEqual(['directory-complexity']);
    expect(unmetCodes(policy, 'tqvmxrkwzpB7')).toEqual([]);
    expect(unmetCodes(policy, 'tqvmxrkwzp#7')).toEqual([]);
  });

  it('adds AD complexity: no account name and no display-name token of 3+ characters', () => {
    const policy = new PasswordPolicy({ ...noClassRules, forbidPersonalInfo: false, minStrength: 0 }, { complexity: true });
    const subject: PolicySubject = { usernames: ['hbroxton'], nameParts: ['Anna-Maria', 'Ng'] };
    expect(unmetCodes(policy, 'Tq7#HBROXTON#x', subject)).toEqual(['directory-complexity']);
    expect(unmetCodes(policy, 'Tq7#maria#Vm2x', subject)).toEqual(['directory-complexity']);
    expect(unmetCodes(policy, 'Tq7#Ng#Vm2xR9k', subject)).toEqual([]);
  });

  it('without complexity or history, adds no directory rules', () => {
    const codes = new PasswordPolicy(DEFAULT_POLICY, { minLength: 12 }).rules().map((rule) => rule.code);
    expect(codes).not.toContain('directory-complexity');
    expect(codes).not.toContain('directory-history');
  });
});

/** zxcvbn without the Italian and Polish dictionaries: shows those dictionaries are what refuses. */
let englishOnly: ZxcvbnFactory | undefined;
function englishOnlyScore(password: string): number {
  englishOnly ??= new ZxcvbnFactory({
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  });
  return englishOnly.check(password).score;
}
