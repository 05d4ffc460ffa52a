import { RESET_BLOCK } from '../../views/ids';
import type { ListenerDeps } from '../listener-deps';
import { resetStepSubmitted } from './reset-step-submitted';
import { inputValue } from './view-input';

/** Step II: the 6-digit code from the SMS. */
export function codeSubmitted(deps: ListenerDeps) {
  return resetStepSubmitted(deps, (ref, requestId, view) =>
    deps.journey.verifyCode(ref, requestId, inputValue(view, RESET_BLOCK.code)),
  );
}
