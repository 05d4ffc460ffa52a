import type { Locale } from '../config';

/** A day as people of `locale` write it ("22 November 2026", "22 novembre 2026", "22 listopada 2026"). */
export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/** A day and time of day as people of `locale` write them, in `timeZone`. */
export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

/** A day and time of day in `timeZone`, with the zone's short name ("8 December 2026 at 21:00 (CET)"). */
export function formatDateTimeInZone(locale: Locale, date: Date, timeZone: string): string {
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return `${formatDateTime(locale, date, timeZone)} (${zone})`;
}

/** A date as a message shows it (plain, or Slack's `<!date^…>`), with its day of the month for the words around it (Italian "l'8 dicembre"). */
export interface DateWords {
  text: string;
  day: number;
}

/** `text` (already formatted) for `date`, whose day of the month is read in `timeZone`. */
export function dateWords(text: string, date: Date, timeZone: string): DateWords {
  return { text, day: Number(new Intl.DateTimeFormat('en-US', { day: 'numeric', timeZone }).format(date)) };
}
