// The full metadata: a number is checked against its country's real number plan, not only its length.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

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
 * `defaultRegion`; without one it cannot be placed. Undefined when it is not a valid number of
 * its country (`+48 600 100` has a Polish prefix but too few digits).
 */
export function parsePhoneNumber(raw: string, defaultRegion?: CountryCode): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  if (!parsed?.isValid()) return undefined;
  return { e164: parsed.number, country: parsed.country };
}

/** `it` → `IT` when it names a country with phone numbers; undefined otherwise. */
export function toCountryCode(text: string): CountryCode | undefined {
  const code = text.trim().toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}

/** Why a stored number cannot be used. */
export type PhoneNumberProblem =
  /** No country code in the number and no `PHONE_DEFAULT_REGION` to read it with. */
  | 'no-country-code'
  /** Not a phone number: no digits, or not a valid number of its country. */
  | 'invalid';

export type NormalisedPhone = ({ ok: true } & PhoneNumber) | { ok: false; problem: PhoneNumberProblem };

/**
 * A number as the directory stores it, made E.164 (`PHONE_DEFAULT_REGION` reads the national
 * form), or why it cannot be used: such a number is never sent anywhere as it was typed.
 */
export function normalisePhoneNumber(stored: string, defaultRegion?: CountryCode): NormalisedPhone {
  const phone = /\d/.test(stored) ? parsePhoneNumber(stored, defaultRegion) : undefined;
  if (phone) return { ok: true, ...phone };
  // `00…` is international only where the region's exit code is 00, so it needs a region too.
  const hasCountryCode = stored.trim().startsWith('+');
  return { ok: false, problem: !hasCountryCode && !defaultRegion && /\d/.test(stored) ? 'no-country-code' : 'invalid' };
}
