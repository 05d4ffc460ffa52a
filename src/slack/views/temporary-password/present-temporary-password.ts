import type { TemporaryPasswordOutcome } from '../../../flows/temporary-password/temporary-password-screen';
import { messagesFor } from '../../../i18n';
import { type Presentation, presentation } from '../../shared/presenter';
import { renderTemporaryPasswordScreen } from './render-temporary-password-screen';

/** The help-desk presenter: a journey outcome into its modal, in the operator's language. */
export function presentTemporaryPassword(settings: { helpdeskContact: string | undefined }, outcome: TemporaryPasswordOutcome): Presentation {
  return presentation(renderTemporaryPasswordScreen(outcome.screen, {
    messages: messagesFor(outcome.locale),
    locale: outcome.locale,
    helpdeskContact: settings.helpdeskContact,
  }));
}
