import type { App } from '@slack/bolt';
import type { PasswordResetJourney } from '../../../flows/password-reset/password-reset-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { RESEND_CODE_ACTION, RESET_CALLBACK } from '../../views/password-reset/ids';
import { presentReset } from '../../views/password-reset/present-reset';
import type { PresentationSettings } from '../../views/shared/render-context';
import type { PasswordResetListenerDeps } from './deps';
import { newPasswordSubmitted } from './new-password-submitted';
import { loadingView } from '../../views/password-reset/render-reset-screen';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';
import { registerVerificationSteps } from '../shared/verification-steps';

/**
 * The forgot-password journey's listeners: its three steps and "Send a new code". It starts from
 * the `/password` menu (the entry returned) or `/password reset`.
 */
export function registerPasswordReset(
  app: App,
  shared: SlackDeps & { journey: PasswordResetJourney; presentation: PresentationSettings },
): MenuEntry {
  const deps: PasswordResetListenerDeps = {
    ...shared,
    modal: {
      auditPrefix: 'password-reset',
      present: (outcome) => presentReset(shared.presentation, outcome),
      title: (messages) => messages.passwordReset.modalTitle,
    },
  };
  registerVerificationSteps(app, deps, deps.modal, { callbacks: RESET_CALLBACK, resendActionId: RESEND_CODE_ACTION, journey: shared.journey });
  app.view(RESET_CALLBACK.newPassword, newPasswordSubmitted(deps));

  return modalEntry(deps, {
    name: 'forgot-password',
    shortcut: 'reset',
    modal: deps.modal,
    loading: loadingView,
    retryNote: (messages) => messages.passwordReset.triggerExpired,
    start: (key, requester) => shared.journey.start(key, requester),
  });
}
