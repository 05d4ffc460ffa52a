import type { App } from '@slack/bolt';
import type { ChangePasswordJourney } from '../../../flows/change-password/change-password-journey';
import type { ChangeScreen } from '../../../flows/change-password/change-screen';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue, selectedValues } from '../../shared/view-input';
import { CHANGE_BLOCK, CHANGE_CALLBACK, currentForBlock } from '../../views/change-password/ids';
import { presentChange } from '../../views/change-password/present-change';
import { changeLoadingView } from '../../views/change-password/render-change-screen';
import type { PresentationSettings } from '../../views/shared/render-context';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';

/** "Change a password I know": its one form; it starts from the menu or `/password change`. */
export function registerChangePassword(
  app: App,
  deps: SlackDeps & { journey: ChangePasswordJourney; presentation: PresentationSettings },
): MenuEntry {
  const modal: ModalJourney<ChangeScreen> = {
    auditPrefix: 'change-password',
    present: (outcome) => presentChange(deps.presentation, outcome),
    title: (messages) => messages.changePassword.modalTitle,
  };
  app.view(CHANGE_CALLBACK.form, stepSubmitted(deps, modal, (key, requestId, view) => {
    // Inputs exist only for the accounts the form showed; anything else in the payload is ignored.
    const currentByAccount: Record<string, string> = {};
    for (const blockId of Object.keys(view.state.values)) {
      const id = /^current_password_(\d+)$/.exec(blockId)?.[1];
      if (id !== undefined && blockId === currentForBlock(id)) currentByAccount[id] = inputValue(view, blockId);
    }
    return deps.journey.submit(key, requestId, {
      chosen: selectedValues(view, CHANGE_BLOCK.accounts),
      current: inputValue(view, CHANGE_BLOCK.current),
      currentByAccount,
      password: inputValue(view, CHANGE_BLOCK.newPassword),
      confirmation: inputValue(view, CHANGE_BLOCK.confirmPassword),
    });
  }));
  return modalEntry(deps, {
    name: 'change-password',
    shortcut: 'change',
    modal,
    loading: changeLoadingView,
    retryNote: (messages) => messages.changePassword.triggerExpired,
    start: (key, requester) => deps.journey.start(key, requester),
  });
}
