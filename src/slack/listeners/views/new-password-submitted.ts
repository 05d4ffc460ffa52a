import { RESET_BLOCK } from '../../views/ids';
import type { ListenerDeps } from '../listener-deps';
import { resetStepSubmitted } from './reset-step-submitted';
import { inputValue } from './view-input';

/** Step III: the new password, twice. */
export function newPasswordSubmitted(deps: ListenerDeps) {
  return resetStepSubmitted(deps, (ref, requestId, view) =>
    deps.journey.setNewPassword(ref, requestId, {
      password: inputValue(view, RESET_BLOCK.newPassword),
      confirmation: inputValue(view, RESET_BLOCK.confirmPassword),
    }),
  );
}
