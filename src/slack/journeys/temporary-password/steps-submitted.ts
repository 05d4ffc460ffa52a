import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue, selectedUser, selectedValue, selectedValues } from '../../shared/view-input';
import { TEMP_PASSWORD_BLOCK as BLOCK, UNLOCK_VALUE } from '../../views/temporary-password/ids';
import type { TemporaryPasswordListenerDeps } from './deps';

/** "Whose password?": a member picked, or a username / email typed. */
export function findSubmitted(deps: TemporaryPasswordListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) =>
    deps.journey.find(key, requestId, { slackUserId: selectedUser(view, BLOCK.person), text: inputValue(view, BLOCK.query) }));
}

/** Accounts, verification, ticket, delivery and unlock. */
export function chooseSubmitted(deps: TemporaryPasswordListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) =>
    deps.journey.choose(key, requestId, {
      accounts: selectedValues(view, BLOCK.accounts),
      verification: selectedValue(view, BLOCK.verification),
      delivery: selectedValue(view, BLOCK.delivery),
      ticket: inputValue(view, BLOCK.ticket),
      unlock: selectedValues(view, BLOCK.unlock).includes(UNLOCK_VALUE),
    }));
}

/** The operator called the registered number back and the person confirmed. */
export function callBackSubmitted(deps: TemporaryPasswordListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId) => deps.journey.confirmCallBack(key, requestId));
}

/** The code the caller read back. */
export function codeSubmitted(deps: TemporaryPasswordListenerDeps) {
  return stepSubmitted(deps, deps.modal, (key, requestId, view) => deps.journey.verifyCode(key, requestId, inputValue(view, BLOCK.code)));
}
