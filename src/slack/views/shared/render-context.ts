import type { Locale } from '../../../config';
import { type Messages, messagesFor } from '../../../i18n';

/** What the journeys that change a password show besides their own texts (from the config). */
export interface PresentationSettings {
  /** HELPDESK_CONTACT as written; unset: each language names the help desk itself. */
  helpdeskContact: string | undefined;
  /** Per-locale notes after success; a locale without an entry gets the built-in notes. */
  successNotes: Partial<Record<Locale, string[]>>;
}

/** What their view builders need: the person's texts, whom to ask, the notes after a success. */
export interface RenderContext {
  messages: Messages;
  helpdeskContact: string | undefined;
  successNotes: string[];
}

export function renderContext(settings: PresentationSettings, locale: Locale): RenderContext {
  const messages = messagesFor(locale);
  return {
    messages,
    helpdeskContact: settings.helpdeskContact,
    successNotes: settings.successNotes[locale] ?? messages.common.defaultSuccessNotes,
  };
}
