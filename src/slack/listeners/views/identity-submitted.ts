import { RESET_BLOCK } from '../../views/ids';
import type { ListenerDeps } from '../listener-deps';
import { resetStepSubmitted } from './reset-step-submitted';
import { inputValue } from './view-input';

/** Step I: last 3 digits of the registered phone and the arithmetic answer. */
export function identitySubmitted(deps: ListenerDeps) {
  return resetStepSubmitted(deps, (ref, requestId, view) =>
    deps.journey.confirmIdentity(ref, requestId, {
      phoneDigits: inputValue(view, RESET_BLOCK.phoneDigits),
      challengeAnswer: inputValue(view, RESET_BLOCK.challenge),
    }),
  );
}
