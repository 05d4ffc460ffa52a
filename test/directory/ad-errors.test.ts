/**
 * How AD's refusals are read, for the texts the live Samba tests cannot produce: Windows'
 * wordless 0000052D, an expired password (Samba only computes expiry for ages above one day),
 * and servers that do not send the computed lockout bit.
 */
import { ConstraintViolationError, InvalidCredentialsError, UnwillingToPerformError } from 'ldapts';
import { accountFromEntry } from '../../src/directory/ad-account';
import { bindRefusal, passwordWasAccepted, toDirectoryError } from '../../src/directory/ad-errors';
import { type AdDomainPolicy, inferPolicyReasons } from '../../src/directory/ad-password';
import { dateToFileTime, fileTimeToDate } from '../../src/directory/ad-time';

const windowsBind = (code: string) =>
  `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${code}, v4563`;

describe('refused binds (data codes)', () => {
  it.each([
    ['52e', 'invalid-credentials'],
    ['525', 'invalid-credentials'],
    ['532', 'password-expired'],
    ['533', 'account-disabled'],
    ['701', 'account-disabled'],
    ['773', 'must-change'],
    ['775', 'account-locked'],
    ['530', 'other'],
  ])('data %s is %s', (code, refusal) => {
    expect(bindRefusal(windowsBind(code))).toBe(refusal);
  });

  it('treats expired and must-change as a proven password, nothing else', () => {
    expect(passwordWasAccepted(bindRefusal(windowsBind('532')))).toBe(true);
    expect(passwordWasAccepted(bindRefusal(windowsBind('773')))).toBe(true);
    expect(passwordWasAccepted(bindRefusal(windowsBind('775')))).toBe(false);
    expect(passwordWasAccepted(bindRefusal(windowsBind('52e')))).toBe(false);
  });

  it('maps an expired password met during a write to password-expired', () => {
    const error = toDirectoryError(new InvalidCredentialsError(windowsBind('532')), 'change password of CN=x');

    expect(error.failure).toBe('password-expired');
  });
});

describe('refused password writes', () => {
  it('maps Windows\' wordless 0000052D (constraint or unwilling) to policy with no reasons yet', () => {
    const constraint = toDirectoryError(new ConstraintViolationError(
      '0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)'), 'change');
    const unwilling = toDirectoryError(new UnwillingToPerformError(
      '0000052D: SvcErr: DSID-031A126C, problem 5003 (WILL_NOT_PERFORM), data 0'), 'reset');

    expect(constraint).toMatchObject({ failure: 'policy', policyReasons: [] });
    expect(unwilling).toMatchObject({ failure: 'policy', policyReasons: [] });
  });

  it('maps a wrong old password (00000056) to invalid-credentials', () => {
    const error = toDirectoryError(new ConstraintViolationError(
      '00000056: AtrErr: DSID-03190F80, #1:\n\t0: 00000056: DSID-03190F80, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)'), 'change');

    expect(error.failure).toBe('invalid-credentials');
  });

  it('maps a network failure to unavailable', () => {
    expect(toDirectoryError(new Error('connect ECONNREFUSED 127.0.0.1:636'), 'search').failure).toBe('unavailable');
  });
});

describe('guessing the rule Windows did not name', () => {
  const policy: AdDomainPolicy = { minLength: 10, complexity: true, historyLength: 24, minAgeMs: 86_400_000, lockoutDurationMs: 0 };
  const subject = { username: 'anowak', displayName: 'Anna Nowak' };

  it('names the visible rules first', () => {
    expect(inferPolicyReasons('ab12', subject, policy, 'reset')).toEqual(['too-short', 'complexity']);
    expect(inferPolicyReasons('Nowak-Garden-2024', subject, policy, 'reset')).toEqual(['complexity']);
  });

  it('falls back to history, and for a change to the minimum age', () => {
    expect(inferPolicyReasons('Lantern-Road-73?', subject, policy, 'reset')).toEqual(['in-history']);
    expect(inferPolicyReasons('Lantern-Road-73?', subject, policy, 'change')).toEqual(['in-history', 'too-young']);
    expect(inferPolicyReasons('Lantern-Road-73?', subject, { ...policy, historyLength: 0, minAgeMs: 0 }, 'change')).toEqual(['other']);
  });

  it('names complexity by the shared rule: three character classes, no account or display name', () => {
    const reasons = (password: string) => inferPolicyReasons(password, subject, { ...policy, minLength: 0 }, 'reset');
    expect(reasons('lantern-road')).toEqual(['complexity']);
    expect(reasons('lantern-road-73')).toEqual(['in-history']);
    expect(reasons('xANOWAKx-73')).toEqual(['complexity']);
    expect(reasons('Lantern-Anna-73')).toEqual(['complexity']);
  });
});

describe('lockout without the computed bit', () => {
  const names = { mailAttr: 'mail', phoneAttr: 'mobile', matchProxyAddresses: false };
  const now = new Date('2030-01-01T12:00:00Z');
  const lockedAt = (minutesAgo: number) => dateToFileTime(new Date(now.getTime() - minutesAgo * 60_000)).toString();
  const entry = (lockoutTime: string) => ({ dn: 'CN=x', sAMAccountName: 'x', lockoutTime, userAccountControl: '512', pwdLastSet: '1' });

  it('is locked while the domain lockout duration runs, and not after', () => {
    const fallback = { now, lockoutDurationMs: 30 * 60_000 };

    expect(accountFromEntry(entry(lockedAt(10)), names, fallback)?.locked).toBe(true);
    expect(accountFromEntry(entry(lockedAt(40)), names, fallback)?.locked).toBe(false);
    expect(accountFromEntry(entry('0'), names, fallback)?.locked).toBe(false);
  });

  it('stays locked until an administrator acts when the duration is 0', () => {
    expect(accountFromEntry(entry(lockedAt(600)), names, { now, lockoutDurationMs: 0 })?.locked).toBe(true);
  });
});

describe('reading a user entry', () => {
  it('is no Account at all for an entry without a login name', () => {
    const names = { mailAttr: 'mail', phoneAttr: 'mobile', matchProxyAddresses: false };
    expect(accountFromEntry({ dn: 'CN=x', sAMAccountName: [], userAccountControl: '512' }, names)).toBeUndefined();
  });
});

describe('FILETIME', () => {
  it('converts, and reads 0 and "never" as no date', () => {
    const date = new Date('2031-05-06T07:08:09.123Z');

    expect(fileTimeToDate(dateToFileTime(date).toString())).toEqual(date);
    expect(fileTimeToDate('0')).toBeNull();
    expect(fileTimeToDate('9223372036854775807')).toBeNull();
    expect(fileTimeToDate(undefined)).toBeNull();
  });
});
