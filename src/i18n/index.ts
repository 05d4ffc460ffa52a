import { type Locale, SUPPORTED_LOCALES } from '../config';
import { common } from './common';
import { changePassword } from './change-password';
import { expiryReminders } from './expiry-reminders';
import { forgotUsername } from './forgot-username';
import { menu } from './menu';
import { passwordReset } from './password-reset';
import { serviceAccount } from './service-account';
import { smsVerification } from './sms-verification';
import { temporaryPassword } from './temporary-password';
import { unlockAccount } from './unlock-account';

/**
 * Every text people read, by namespace: `common` for what journeys share, one per journey.
 * A namespace is a folder with `messages.ts` (its shape), `en.ts`, `it.ts`, `pl.ts` and an
 * `index.ts` typed `Record<Locale, ...>`, so a missing language or text fails to compile.
 * Adding a journey's namespace: that folder, and one line here.
 */
const namespaces = {
  common,
  changePassword,
  forgotUsername,
  menu,
  passwordReset,
  temporaryPassword,
  unlockAccount,
  serviceAccount,
  smsVerification,
  expiryReminders,
};

export type Messages = { [Namespace in keyof typeof namespaces]: (typeof namespaces)[Namespace][Locale] };

const catalogues = Object.fromEntries(
  SUPPORTED_LOCALES.map((locale) => [locale, messagesOf(locale)]),
) as Record<Locale, Messages>;

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

function messagesOf(locale: Locale): Messages {
  const entries = Object.entries(namespaces).map(([name, byLocale]) => [name, byLocale[locale]]);
  // Built key by key from `namespaces`, whose type Messages mirrors exactly.
  return Object.fromEntries(entries) as Messages;
}

/** Slack locales look like `it-IT` or `pl-PL`; anything we do not speak falls back to `fallback`. */
export function localeFromSlack(slackLocale: string | undefined, fallback: Locale): Locale {
  const language = slackLocale?.slice(0, 2).toLowerCase();
  return (SUPPORTED_LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : fallback;
}
