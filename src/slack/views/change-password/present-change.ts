import type { ChangeOutcome } from '../../../flows/change-password/change-screen';
import { messagesFor } from '../../../i18n';
import { type Presentation, presentation } from '../../shared/presenter';
import type { PresentationSettings } from '../password-reset/present-reset';
import { renderChangeScreen } from './render-change-screen';

export function presentChange(settings: PresentationSettings, outcome: ChangeOutcome): Presentation {
  const messages = messagesFor(outcome.locale);
  return presentation(renderChangeScreen(outcome.screen, {
    messages,
    helpdeskContact: settings.helpdeskContact,
    successNotes: settings.successNotes[outcome.locale] ?? messages.common.defaultSuccessNotes,
  }));
}
