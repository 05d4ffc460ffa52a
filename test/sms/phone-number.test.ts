import { parsePhoneNumber, toCountryCode } from '../../src/sms/phone-number';
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
