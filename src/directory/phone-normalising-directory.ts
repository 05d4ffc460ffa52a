import type { Logger } from '../log/logger';
import { type CountryCode, normalisePhoneNumber } from '../sms/phone-number';
import type { Account, Directory } from './directory';

/**
 * The directory as journeys see it: every account's `phone` in E.164 (`PHONE_DEFAULT_REGION`
 * reads numbers stored in national form), or undefined when the stored number cannot be used,
 * so a bad number is "no phone" for every journey and never reaches Twilio as it was typed.
 * The deployer is told in the log which account's number to fix (never the number itself).
 * Every other method passes through unchanged.
 */
export function withNormalisedPhones(directory: Directory, defaultRegion: CountryCode | undefined, logger: Logger): Directory {
  const normalise = <A extends Account>(account: A): A => {
    if (account.phone === undefined) return account;
    const phone = normalisePhoneNumber(account.phone, defaultRegion);
    if (phone.ok) return { ...account, phone: phone.e164 };
    logger.warn(
      { dn: account.dn, problem: phone.problem, defaultRegion: defaultRegion ?? null },
      phone.problem === 'no-country-code'
        ? 'registered phone number has no country code and PHONE_DEFAULT_REGION is not set; treated as no phone'
        : 'registered phone number is not a valid phone number; treated as no phone',
    );
    return { ...account, phone: undefined };
  };
  const overrides: Partial<Directory> = {
    findAccountsByMail: async (mail) => (await directory.findAccountsByMail(mail)).map(normalise),
    findAccountsByUsername: async (username) => (await directory.findAccountsByUsername(username)).map(normalise),
    getAccount: async (dn) => {
      const account = await directory.getAccount(dn);
      return account && normalise(account);
    },
  };
  return new Proxy(directory, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof Directory];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
