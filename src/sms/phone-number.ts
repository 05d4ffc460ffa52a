import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

export type { CountryCode };

/** A phone number as passdesk reasons about it: E.164, and the country it belongs to. */
export interface PhoneNumber {
  /** E.164, e.g. `+48600100200`. */
  e164: string;
  /** ISO 3166-1 alpha-2 country; undefined when no single country owns it (e.g. +800 numbers). */
  country?: CountryCode;
}

/**
 * Parses a number as people and directories write it (`+48 600 100 200`, `+39 02 1234 5678`).
 * A number without its country code (`600 100 200`) is read in the national format of
 * `defaultRegion`; without one it cannot be placed. Undefined when it is not a possible number.
 */
export function parsePhoneNumber(raw: string, defaultRegion?: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  if (!parsed?.isPossible()) return undefined;
  return { e164: parsed.number, country: parsed.country };
}

/** `it` → `IT` when it names a country with phone numbers; undefined otherwise. */
export function toCountryCode(text: string): CountryCode | undefined {
  const code = text.trim().toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}
