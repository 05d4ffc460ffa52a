import type { ForgotUsernameJourney, UsernameScreen } from '../../../flows/forgot-username/forgot-username-journey';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { presentUsernames, usernamesLoadingView } from '../../views/forgot-username/render-usernames';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';

/** "Forgot my username": one screen, no step to submit; from the menu or `/password username`. */
export function forgotUsernameEntry(deps: SlackDeps & { journey: ForgotUsernameJourney; helpdeskContact: string | undefined }): MenuEntry {
  const modal: ModalJourney<UsernameScreen> = {
    auditPrefix: 'forgot-username',
    present: (outcome) => presentUsernames(deps.helpdeskContact, outcome),
    title: (messages) => messages.forgotUsername.modalTitle,
  };
  return modalEntry(deps, {
    name: 'forgot-username',
    shortcut: 'username',
    modal,
    loading: usernamesLoadingView,
    retryNote: (messages) => messages.forgotUsername.triggerExpired,
    start: (key, requester) => deps.journey.start(key, requester),
  });
}
