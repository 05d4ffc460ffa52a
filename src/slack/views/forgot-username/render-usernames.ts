import type { types } from '@slack/bolt';
import type { UsernameOutcome, UsernameScreen } from '../../../flows/forgot-username/forgot-username-journey';
import { type Messages, messagesFor } from '../../../i18n';
import { type Presentation, presentation } from '../../shared/presenter';
import { bullets, escapeMrkdwn, note, text } from '../shared/blocks';
import { endedBlocks, finishedScreen, waitingView } from '../shared/modal-screens';

export const USERNAME_CALLBACK = {
  loading: 'forgot-username.loading',
  finished: 'forgot-username.finished',
} as const;

export function usernamesLoadingView(messages: Messages): types.ModalView {
  return waitingView({ callbackId: USERNAME_CALLBACK.loading, title: messages.forgotUsername.modalTitle,
    text: messages.forgotUsername.loading, common: messages.common });
}

export function presentUsernames(helpdeskContact: string | undefined, outcome: UsernameOutcome): Presentation {
  const messages = messagesFor(outcome.locale);
  const m = messages.forgotUsername;
  const screen: UsernameScreen = outcome.screen;
  const blocks = screen.step === 'usernames'
    ? [
      text(`${m.intro}\n${bullets(screen.accounts.map((account) =>
        m.account(escapeMrkdwn(account.username), account.kind, account.principalName && escapeMrkdwn(account.principalName))))}`),
      ...(screen.disabled.length > 0 ? [note(m.disabled(screen.disabled.map(escapeMrkdwn).join(', ')))] : []),
      note(m.hint),
    ]
    : endedBlocks(endedText(screen.reason, messages), helpdeskContact, messages.common);
  return presentation(finishedScreen({ callbackId: USERNAME_CALLBACK.finished, title: m.modalTitle, blocks, common: messages.common }));
}

function endedText(reason: Extract<UsernameScreen, { step: 'ended' }>['reason'], messages: Messages): string {
  const ended = messages.forgotUsername.ended;
  switch (reason) {
    case 'no-verified-email': return ended.noVerifiedEmail;
    case 'no-account': return ended.noAccount;
    case 'ambiguous-mail': return messages.common.ended.ambiguousMail;
    case 'account-disabled': return ended.accountDisabled;
    case 'directory-unavailable': return ended.directoryUnavailable;
    case 'rate-limited': return ended.rateLimited;
    case 'already-in-progress': return messages.common.ended.alreadyInProgress;
    default: return messages.common.ended.unexpected;
  }
}
