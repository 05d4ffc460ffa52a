import type { Locale } from '../../../config';
import type { ResetOutcome } from '../../../flows/password-reset/reset-screen';
import { messagesFor } from '../../../i18n';
import { type Presentation, presentation } from '../../shared/presenter';
import { renderResetScreen } from './render-reset-screen';

export interface PresentationSettings {
  helpdeskContact: string | undefined;
  /** Per-locale notes after success; a locale without an entry gets the built-in notes. */
  successNotes: Partial<Record<Locale, string[]>>;
}

/** The `/password` presenter: a journey outcome into its modal, in the person's language. */
export function presentReset(settings: PresentationSettings, outcome: ResetOutcome): Presentation {
  const messages = messagesFor(outcome.locale);
  return presentation(renderResetScreen(outcome.screen, {
    messages,
    helpdeskContact: settings.helpdeskContact,
    successNotes: settings.successNotes[outcome.locale] ?? messages.common.defaultSuccessNotes,
  }));
}
