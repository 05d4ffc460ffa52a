import { type CountryCode, parsePhoneNumber } from './phone-number';

export type DestinationVerdict =
  | { allowed: true }
  /** `country` undefined: the number's country cannot be told (no country code, or none owns it). */
  | { allowed: false; country?: CountryCode };

/**
 * Where an SMS code may go (`SMS_ALLOWED_COUNTRIES`), against SMS pumping: a number outside the
 * list, or whose country cannot be told, is never handed to the SMS provider. No list: anywhere.
 */
export class SmsDestinations {
  constructor(private readonly allowedCountries?: readonly CountryCode[]) {}

  check(phone: string): DestinationVerdict {
    if (!this.allowedCountries) return { allowed: true };
    const country = parsePhoneNumber(phone)?.country;
    return country && this.allowedCountries.includes(country) ? { allowed: true } : { allowed: false, country };
  }
}
