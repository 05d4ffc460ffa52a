import type { Locale } from '../config';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';
import type { Messages } from './messages';

export type { Messages };

const catalogues: Record<Locale, Messages> = { en, it, pl };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Slack locales look like `it-IT` or `pl-PL`; anything we do not speak falls back to `fallback`. */
export function localeFromSlack(slackLocale: string | undefined, fallback: Locale): Locale {
  const language = slackLocale?.slice(0, 2).toLowerCase();
  return language === 'en' || language === 'it' || language === 'pl' ? language : fallback;
}
