import type { ChangeOutcome } from '../../../flows/change-password/change-screen';
import { type Presentation, presentation } from '../../shared/presenter';
import { type PresentationSettings, renderContext } from '../shared/render-context';
import { renderChangeScreen } from './render-change-screen';

export function presentChange(settings: PresentationSettings, outcome: ChangeOutcome): Presentation {
  return presentation(renderChangeScreen(outcome.screen, renderContext(settings, outcome.locale)));
}
