import type { App, BlockButtonAction } from '@slack/bolt';
import type { PasswordResetJourney } from '../../../flows/password-reset/password-reset-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { RESEND_CODE_ACTION, RESET_CALLBACK } from '../../views/password-reset/ids';
import { type PresentationSettings, presentReset } from '../../views/password-reset/present-reset';
import { codeSubmitted } from './code-submitted';
import type { PasswordResetListenerDeps } from './deps';
import { identitySubmitted } from './identity-submitted';
import { newPasswordSubmitted } from './new-password-submitted';
import { loadingView } from '../../views/password-reset/render-reset-screen';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';
import { resendCodeClicked } from './resend-code-clicked';

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
  app.view(RESET_CALLBACK.identity, identitySubmitted(deps));
  app.view(RESET_CALLBACK.code, codeSubmitted(deps));
  app.view(RESET_CALLBACK.newPassword, newPasswordSubmitted(deps));

  app.action<BlockButtonAction>(RESEND_CODE_ACTION, resendCodeClicked(deps));

  return modalEntry(deps, {
    name: 'forgot-password',
    shortcut: 'reset',
    modal: deps.modal,
    loading: loadingView,
    retryNote: (messages) => messages.passwordReset.triggerExpired,
    start: (key, requester) => shared.journey.start(key, requester),
  });
}
