import type { UsernameOutcome, UsernameScreen } from '../../../flows/forgot-username/forgot-username-journey';
import { type Messages, messagesFor } from '../../../i18n';
import { type Presentation, presentation } from '../../shared/presenter';
import { bullets, escapeMrkdwn, note, text } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { endedBlocks, finishedScreen, loadingScreen } from '../shared/modal-screens';

export const USERNAME_CALLBACK = {
  loading: 'forgot-username.loading',
  finished: 'forgot-username.finished',
} as const;

export const usernamesLoadingView = loadingScreen(USERNAME_CALLBACK.loading, (messages) => messages.forgotUsername);

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
    : endedBlocks(usernameEndedText(screen.reason, messages), helpdeskContact, messages.common);
  return presentation(finishedScreen({ callbackId: USERNAME_CALLBACK.finished, title: m.modalTitle, blocks, common: messages.common }));
}

function usernameEndedText(reason: Extract<UsernameScreen, { step: 'ended' }>['reason'], messages: Messages): string {
  const own = messages.forgotUsername.ended;
  return endedText(reason, messages, {
    'account-disabled': own.accountDisabled,
    'directory-unavailable': own.directoryUnavailable,
    'rate-limited': own.rateLimited,
  });
}
