import type { UnlockEndReason, UnlockOutcome, UnlockScreen } from '../../../flows/unlock-account/unlock-screen';
import type { EndedScreen } from '../../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../../i18n';
import { type Presentation, presentation, type RenderedScreen } from '../../shared/presenter';
import { type Block, escapeMrkdwn, note, text } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { loadingScreen, modalScreens } from '../shared/modal-screens';
import { VERIFICATION_BLOCK, verificationScreen } from '../shared/verification-views';

/** Callback, block and action ids of the "my account is locked" modal. */
export const UNLOCK_CALLBACK = {
  loading: 'unlock-account.loading',
  identity: 'unlock-account.identity',
  code: 'unlock-account.code',
  finished: 'unlock-account.finished',
} as const;
export const UNLOCK_BLOCK = VERIFICATION_BLOCK;
export const UNLOCK_RESEND_ACTION = 'unlock-account.resend-code';

export const unlockLoadingView = loadingScreen(UNLOCK_CALLBACK.loading, (messages) => messages.unlockAccount);

export function presentUnlock(helpdeskContact: string | undefined, outcome: UnlockOutcome): Presentation {
  return presentation(renderUnlockScreen(outcome.screen, messagesFor(outcome.locale), helpdeskContact));
}

function renderUnlockScreen(screen: UnlockScreen, messages: Messages, helpdeskContact: string | undefined): RenderedScreen {
  const m = messages.unlockAccount;
  const screens = modalScreens({ title: m.modalTitle, finishedCallbackId: UNLOCK_CALLBACK.finished, helpdeskContact, common: messages.common });
  const list = (names: string[]) => names.map(escapeMrkdwn).join(', ');
  switch (screen.step) {
    case 'identity':
    case 'code':
      return verificationScreen(screen, { screens, callbacks: UNLOCK_CALLBACK, resendActionId: UNLOCK_RESEND_ACTION, words: m }, messages);
    case 'done': {
      const blocks: Block[] = [];
      if (screen.unlocked.length > 0) blocks.push(text(m.unlocked(list(screen.unlocked))));
      if (screen.notLocked.length > 0) blocks.push(text(m.notLocked(list(screen.notLocked))));
      if (screen.disabled.length > 0) blocks.push(text(m.disabled(list(screen.disabled))));
      if (screen.failed.length > 0) blocks.push(text(`:warning: ${m.failed(list(screen.failed))}`));
      blocks.push(note(m.passwordUnchanged));
      return screens.finished(blocks, m.doneTitle);
    }
    case 'ended': return screens.ended(unlockEndedText(screen, messages));
  }
}

function unlockEndedText(screen: EndedScreen<UnlockEndReason>, messages: Messages): string {
  const own = messages.unlockAccount.ended;
  return endedText(screen.reason, messages, { 'account-disabled': own.accountDisabled, 'not-locked': own.notLocked });
}
