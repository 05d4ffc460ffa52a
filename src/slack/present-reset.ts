import type { Locale } from '../config';
import type { ResetOutcome } from '../flows/password-reset/journey-types';
import { messagesFor } from '../i18n';
import { type RenderedScreen, renderResetScreen } from './views/password-reset-view';

export interface PresentationSettings {
  helpdeskContact: string;
  /** Per-locale notes after success; a locale without an entry gets the built-in notes. */
  successNotes: Partial<Record<Locale, string[]>>;
}

export type Presentation = (inlineErrors: boolean) => RenderedScreen;

/** Turns a journey outcome into its modal, in the person's language. */
export function presentReset(settings: PresentationSettings, outcome: ResetOutcome): Presentation {
  const messages = messagesFor(outcome.locale);
  const context = {
    messages,
    helpdeskContact: settings.helpdeskContact,
    successNotes: settings.successNotes[outcome.locale] ?? messages.defaultSuccessNotes,
  };
  return (inlineErrors) => renderResetScreen(outcome.screen, context, inlineErrors);
}
