import type { TemporaryPasswordJourney } from '../../../flows/temporary-password/temporary-password-journey';
import type { TemporaryPasswordScreen } from '../../../flows/temporary-password/temporary-password-screen';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';

/** What the help-desk listeners need. */
export interface TemporaryPasswordListenerDeps extends SlackDeps {
  journey: TemporaryPasswordJourney;
  modal: ModalJourney<TemporaryPasswordScreen>;
}
