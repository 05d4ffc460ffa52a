import type { App, BlockButtonAction } from '@slack/bolt';
import type { UnlockAccountJourney } from '../../../flows/unlock-account/unlock-account-journey';
import type { UnlockScreen } from '../../../flows/unlock-account/unlock-screen';
import { actionOnModal } from '../../shared/action-on-modal';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue } from '../../shared/view-input';
import {
  presentUnlock, UNLOCK_BLOCK, UNLOCK_CALLBACK, UNLOCK_RESEND_ACTION, unlockLoadingView,
} from '../../views/unlock-account/render-unlock-screen';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';

/** "My account is locked": identity, code, then the unlock; from the menu or `/password unlock`. */
export function registerUnlockAccount(app: App, deps: SlackDeps & { journey: UnlockAccountJourney; helpdeskContact: string | undefined }): MenuEntry {
  const modal: ModalJourney<UnlockScreen> = {
    auditPrefix: 'unlock-account',
    present: (outcome) => presentUnlock(deps.helpdeskContact, outcome),
    title: (messages) => messages.unlockAccount.modalTitle,
  };
  app.view(UNLOCK_CALLBACK.identity, stepSubmitted(deps, modal, (key, requestId, view) => deps.journey.confirmIdentity(key, requestId, {
    phoneDigits: inputValue(view, UNLOCK_BLOCK.phoneDigits),
    challengeAnswer: inputValue(view, UNLOCK_BLOCK.challenge),
  })));
  app.view(UNLOCK_CALLBACK.code, stepSubmitted(deps, modal, (key, requestId, view) =>
    deps.journey.verifyCode(key, requestId, inputValue(view, UNLOCK_BLOCK.code))));
  app.action<BlockButtonAction>(UNLOCK_RESEND_ACTION, actionOnModal(deps, modal, (key, requestId) => deps.journey.resendCode(key, requestId)));
  return modalEntry(deps, {
    name: 'unlock-account',
    shortcut: 'unlock',
    modal,
    loading: unlockLoadingView,
    retryNote: (messages) => messages.unlockAccount.triggerExpired,
    start: (key, requester) => deps.journey.start(key, requester),
  });
}
