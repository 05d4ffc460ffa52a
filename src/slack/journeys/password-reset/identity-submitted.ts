import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue } from '../../shared/view-input';
import { RESET_BLOCK } from '../../views/password-reset/ids';
import type { PasswordResetListenerDeps } from './deps';

/** Step I: last 3 digits of the registered phone and the arithmetic answer. */
export function identitySubmitted(deps: PasswordResetListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) =>
    deps.journey.confirmIdentity(key, requestId, {
      phoneDigits: inputValue(view, RESET_BLOCK.phoneDigits),
      challengeAnswer: inputValue(view, RESET_BLOCK.challenge),
    }),
  );
}
