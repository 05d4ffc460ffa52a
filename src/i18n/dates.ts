import type { Locale } from '../config';

/** A day as people of `locale` write it ("22 November 2026", "22 novembre 2026", "22 listopada 2026"). */
export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/** A day and time of day as people of `locale` write them, in `timeZone`. */
export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}
