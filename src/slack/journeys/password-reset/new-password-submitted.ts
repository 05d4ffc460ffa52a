import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue } from '../../shared/view-input';
import { RESET_BLOCK } from '../../views/password-reset/ids';
import type { PasswordResetListenerDeps } from './deps';

/** Step III: the new password, twice. */
export function newPasswordSubmitted(deps: PasswordResetListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) =>
    deps.journey.setNewPassword(key, requestId, {
      password: inputValue(view, RESET_BLOCK.newPassword),
      confirmation: inputValue(view, RESET_BLOCK.confirmPassword),
    }),
  );
}
