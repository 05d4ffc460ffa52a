import type { App } from '@slack/bolt';
import type { UnlockAccountJourney } from '../../../flows/unlock-account/unlock-account-journey';
import type { UnlockScreen } from '../../../flows/unlock-account/unlock-screen';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { presentUnlock, UNLOCK_CALLBACK, UNLOCK_RESEND_ACTION, unlockLoadingView } from '../../views/unlock-account/render-unlock-screen';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';
import { registerVerificationSteps } from '../shared/verification-steps';

/** "My account is locked": identity, code, then the unlock; from the menu or `/password unlock`. */
export function registerUnlockAccount(app: App, deps: SlackDeps & { journey: UnlockAccountJourney; helpdeskContact: string | undefined }): MenuEntry {
  const modal: ModalJourney<UnlockScreen> = {
    auditPrefix: 'unlock-account',
    present: (outcome) => presentUnlock(deps.helpdeskContact, outcome),
    title: (messages) => messages.unlockAccount.modalTitle,
  };
  registerVerificationSteps(app, deps, modal, { callbacks: UNLOCK_CALLBACK, resendActionId: UNLOCK_RESEND_ACTION, journey: deps.journey });
  return modalEntry(deps, {
    name: 'unlock-account',
    shortcut: 'unlock',
    modal,
    loading: unlockLoadingView,
    retryNote: (messages) => messages.unlockAccount.triggerExpired,
    start: (key, requester) => deps.journey.start(key, requester),
  });
}
