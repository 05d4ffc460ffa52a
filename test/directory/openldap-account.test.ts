import type { Entry } from 'ldapts';
import {
  parseGeneralizedTime, passwordState, toAccount, UNKNOWN_POLICY,
} from '../../src/directory/openldap-account';

const names = { mail: 'mail', phone: 'mobile', link: 'employeeNumber' };
const now = new Date('2026-06-01T12:00:00Z');

describe('parseGeneralizedTime', () => {
  it('reads UTC times with and without seconds and fractions', () => {
    expect(parseGeneralizedTime('20261122091740Z')).toEqual(new Date('2026-11-22T09:17:40Z'));
    expect(parseGeneralizedTime('202611220917Z')).toEqual(new Date('2026-11-22T09:17:00Z'));
    expect(parseGeneralizedTime('20261122091740.250Z')).toEqual(new Date('2026-11-22T09:17:40.250Z'));
  });

  it('applies offsets and keeps years below 100 as they are', () => {
    expect(parseGeneralizedTime('20261122101740+0100')).toEqual(new Date('2026-11-22T09:17:40Z'));
    expect(parseGeneralizedTime('000001010000Z')?.getUTCFullYear()).toBe(0);
  });

  it('rejects malformed values', () => {
    expect(parseGeneralizedTime('yesterday')).toBeUndefined();
    expect(parseGeneralizedTime('20261122091740')).toBeUndefined();
  });
});

describe('passwordState', () => {
  it('reads a temporary lock as over once the lockout duration has passed, and a lock without duration as lasting', () => {
    const entry: Entry = { dn: 'uid=a', pwdAccountLockedTime: '20260601115000Z' };
    expect(passwordState(entry, { hasCheckModule: false, lockoutDurationSeconds: 900 }, now).locked).toBe(true);
    expect(passwordState(entry, { hasCheckModule: false, lockoutDurationSeconds: 300 }, now).locked).toBe(false);
    expect(passwordState(entry, UNKNOWN_POLICY, now).locked).toBe(true);
  });

  it('has no expiry with a pwdMaxAge of 0 or without pwdChangedTime', () => {
    const changed: Entry = { dn: 'uid=a', pwdChangedTime: '20260101000000Z' };
    expect(passwordState(changed, { hasCheckModule: false, maxAgeSeconds: 0 }, now).passwordExpiresAt).toBeNull();
    expect(passwordState({ dn: 'uid=a', pwdChangedTime: [] }, { hasCheckModule: false, maxAgeSeconds: 86400 }, now).passwordExpiresAt).toBeNull();
    expect(passwordState(changed, { hasCheckModule: false, maxAgeSeconds: 86400 }, now).passwordExpiresAt)
      .toEqual(new Date('2026-01-02T00:00:00Z'));
  });
});

describe('toAccount', () => {
  it('is undefined for an entry without a uid, and falls back on cn or uid for the display name', () => {
    expect(toAccount({ dn: 'cn=x', cn: 'X' }, names, UNKNOWN_POLICY, now)).toBeUndefined();
    expect(toAccount({ dn: 'uid=a', uid: 'a', cn: 'Anna Maria Nowak', mail: [] }, names, UNKNOWN_POLICY, now)).toMatchObject({
      displayName: 'Anna Maria Nowak', nameParts: ['Anna', 'Maria', 'Nowak'], mail: '', phone: undefined, linkValue: undefined,
    });
    expect(toAccount({ dn: 'uid=a', uid: 'a' }, names, UNKNOWN_POLICY, now)?.displayName).toBe('a');
  });
});
