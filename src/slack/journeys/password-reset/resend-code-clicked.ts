import { actionOnModal } from '../../shared/action-on-modal';
import type { PasswordResetListenerDeps } from './deps';

/** "Send a new code" on the code step: a new code after the cooldown; failures keep counting. */
export function resendCodeClicked(deps: PasswordResetListenerDeps) {
  return actionOnModal(deps, deps.modal, (key, requestId) => deps.journey.resendCode(key, requestId));
}
