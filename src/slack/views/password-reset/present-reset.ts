import type { ResetOutcome } from '../../../flows/password-reset/reset-screen';
import { type Presentation, presentation } from '../../shared/presenter';
import { type PresentationSettings, renderContext } from '../shared/render-context';
import { renderResetScreen } from './render-reset-screen';

/** The `/password` presenter: a journey outcome into its modal, in the person's language. */
export function presentReset(settings: PresentationSettings, outcome: ResetOutcome): Presentation {
  return presentation(renderResetScreen(outcome.screen, renderContext(settings, outcome.locale)));
}
