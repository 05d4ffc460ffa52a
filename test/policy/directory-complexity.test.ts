import { inferPolicyReasons } from '../../src/directory/ad-password';
import { characterClasses } from '../../src/policy/character-classes';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { meetsDirectoryComplexity } from '../../src/policy/directory-complexity';
import { PasswordPolicy } from '../../src/policy/password-policy';
import type { PolicySettings } from '../../src/policy/policy';

/** Only the directory's complexity rule: passdesk's own class, length and strength rules off. */
const complexityOnly: PolicySettings = {
  ...DEFAULT_POLICY,
  minLength: 1,
  requireUppercase: false,
  requireLowercase: false,
  requireDigit: false,
  specialCharacters: '',
  forbidPersonalInfo: false,
  minStrength: 0,
};
const checklist = new PasswordPolicy(complexityOnly, { complexity: true });
const domain = { minLength: 0, complexity: true, historyLength: 0, minAgeMs: 0, lockoutDurationMs: 0 };
const person = { username: 'anowak', displayName: 'Anna-Maria Nowak' };

/** The checklist's verdict (what people see before typing). */
function checklistAccepts(password: string): boolean {
  return checklist.check(password, { usernames: [person.username], nameParts: [person.displayName] }).ok;
}

/** The AD adapter's verdict (what it names when Windows refuses without saying why). */
function refusalNamesComplexity(password: string): boolean {
  return inferPolicyReasons(password, person, domain, 'reset').includes('complexity');
}

describe('one directory complexity rule', () => {
  // Each of these was judged differently by the checklist and by the AD adapter before they shared one rule.
  const cases: Array<[string, string, boolean]> = [
    ['a space is no symbol', 'lantern road 73', false],
    ['a currency sign is no symbol', 'lantern€road73', false],
    ['a non-ASCII digit is no digit', 'lantern٣road-x', false],
    ['letters without case are the fifth class', 'lantern漢字73', true],
    ['three of the ASCII classes', 'Lantern-road', true],
  ];

  it.each(cases)('%s: the checklist and the AD refusal reasons agree ("%s")', (_why, password, meets) => {
    expect(meetsDirectoryComplexity(password, { usernames: [person.username], nameParts: [person.displayName] })).toBe(meets);
    expect(checklistAccepts(password)).toBe(meets);
    expect(refusalNamesComplexity(password)).toBe(!meets);
  });

  it('refuses the account name and display-name tokens of three characters or more, case-insensitively', () => {
    for (const password of ['Tq7#ANOWAK#x', 'Tq7#maria#Vm2x', 'Tq7#nowak#Vm2x']) {
      expect(checklistAccepts(password)).toBe(false);
      expect(refusalNamesComplexity(password)).toBe(true);
    }
  });

  it('ignores name tokens shorter than three characters', () => {
    const subject = { usernames: ['ng'], nameParts: ['Li Ng'] };
    expect(meetsDirectoryComplexity('Tq7#Ng#Li#Vm2x', subject)).toBe(true);
  });
});

describe('character classes', () => {
  it('counts Unicode cased letters, ASCII digits and the directory symbols only', () => {
    expect([...characterClasses('Ąę9#')].sort()).toEqual(['digit', 'lowercase', 'symbol', 'uppercase']);
    expect([...characterClasses(' €٣')]).toEqual([]);
    expect([...characterClasses('字')]).toEqual(['caseless-letter']);
  });
});
