import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue } from '../../shared/view-input';
import { RESET_BLOCK } from '../../views/password-reset/ids';
import type { PasswordResetListenerDeps } from './deps';

/** Step II: the 6-digit code from the SMS. */
export function codeSubmitted(deps: PasswordResetListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) =>
    deps.journey.verifyCode(key, requestId, inputValue(view, RESET_BLOCK.code)),
  );
}
