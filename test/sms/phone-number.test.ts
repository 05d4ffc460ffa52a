import { normalisePhoneNumber, parsePhoneNumber, toCountryCode } from '../../src/sms/phone-number';
import { SmsDestinations } from '../../src/sms/sms-destinations';

describe('phone numbers', () => {
  it('parse as directories store them, to E.164 and a country', () => {
    expect(parsePhoneNumber('+48600100200')).toEqual({ e164: '+48600100200', country: 'PL' });
    expect(parsePhoneNumber('+39 333 123 4567')).toEqual({ e164: '+393331234567', country: 'IT' });
    // One calling code, several countries: told apart by the number itself.
    expect(parsePhoneNumber('+1 416 555 0123')?.country).toBe('CA');
    expect(parsePhoneNumber('+1 213 373 4253')?.country).toBe('US');
  });

  it('read a number without its country code only in a default region', () => {
    expect(parsePhoneNumber('333 123 4567')).toBeUndefined();
    expect(parsePhoneNumber('333 123 4567', 'IT')).toEqual({ e164: '+393331234567', country: 'IT' });
  });

  it('give no country to a number no country owns, and nothing for what is not a number', () => {
    expect(parsePhoneNumber('+800 1234 5678')).toEqual({ e164: '+80012345678', country: undefined });
    expect(parsePhoneNumber('call me')).toBeUndefined();
    expect(parsePhoneNumber('+44 1234')).toBeUndefined();
  });

  it('take country codes in any case, and only real ones', () => {
    expect(toCountryCode(' it ')).toBe('IT');
    expect(toCountryCode('XX')).toBeUndefined();
    expect(toCountryCode('ITA')).toBeUndefined();
  });
});

describe('SMS destinations', () => {
  it('allow only listed countries when there is a list, and anything without one', () => {
    const listed = new SmsDestinations(['IT', 'PL']);
    expect(listed.check('+48 600 100 200')).toEqual({ allowed: true });
    expect(listed.check('+44 20 7946 0958')).toEqual({ allowed: false, country: 'GB' });
    expect(listed.check('600 100 200')).toEqual({ allowed: false, country: undefined });
    expect(listed.check('+800 1234 5678')).toEqual({ allowed: false, country: undefined });
    expect(new SmsDestinations().check('+44 20 7946 0958')).toEqual({ allowed: true });
  });
});

describe('normalising stored phone numbers (PHONE_DEFAULT_REGION)', () => {
  it.each([
    ['+48600100200', undefined, '+48600100200', 'PL'],
    ['+48 600-100-200', undefined, '+48600100200', 'PL'],
    ['600 100 200', 'PL', '+48600100200', 'PL'],
    ['347 123 4567', 'IT', '+393471234567', 'IT'],
    ['0039 347 123 4567', 'PL', '+393471234567', 'IT'],
    ['+39 347 123 4567', 'PL', '+393471234567', 'IT'],
    ['+48 600 100 200 ext. 12', undefined, '+48600100200', 'PL'],
  ] as const)('reads %j (default region %s) as %s in %s', (stored, region, e164, country) => {
    expect(normalisePhoneNumber(stored, region)).toEqual({ ok: true, e164, country });
  });

  it('says a national number needs PHONE_DEFAULT_REGION', () => {
    expect(normalisePhoneNumber('347 123 4567')).toEqual({ ok: false, problem: 'no-country-code' });
    expect(normalisePhoneNumber('0039 347 123 4567')).toEqual({ ok: false, problem: 'no-country-code' });
  });

  it.each([
    ['call reception', 'IT'],
    ['call reception', undefined],
    ['', 'IT'],
    ['12', 'IT'],
    ['+48 600 100', undefined],
    ['+88 123', undefined],
  ] as const)('refuses %j (region %s) as no phone number', (stored, region) => {
    expect(normalisePhoneNumber(stored, region)).toEqual({ ok: false, problem: 'invalid' });
  });
});
