import type { PasswordResetJourney } from '../../../flows/password-reset/password-reset-journey';
import type { ResetScreen } from '../../../flows/password-reset/reset-screen';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';

/** What the `/password` listeners need. */
export interface PasswordResetListenerDeps extends SlackDeps {
  journey: PasswordResetJourney;
  modal: ModalJourney<ResetScreen>;
}
