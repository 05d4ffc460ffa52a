import type { EndReason, NewPasswordScreen, ResetScreen } from '../../../flows/password-reset/reset-screen';
import type { Messages } from '../../../i18n';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, bullets, escapeMrkdwn, note, text } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { loadingScreen, type ModalScreens, modalScreens } from '../shared/modal-screens';
import { NEW_PASSWORD_BLOCK, newPasswordBlocks, newPasswordFieldErrors } from '../shared/new-password-views';
import type { RenderContext } from '../shared/render-context';
import { verificationScreen } from '../shared/verification-views';
import { RESEND_CODE_ACTION, RESET_CALLBACK } from './ids';

/** The `/password` modal opened at once, while the accounts are looked up. */
export const loadingView = loadingScreen(RESET_CALLBACK.loading, (messages) => messages.passwordReset);

/** Renders what the journey decided into a modal (field errors under the inputs). */
export function renderResetScreen(screen: ResetScreen, ctx: RenderContext): RenderedScreen {
  const { common, passwordReset: m } = ctx.messages;
  const screens = modalScreens({ title: m.modalTitle, finishedCallbackId: RESET_CALLBACK.finished, helpdeskContact: ctx.helpdeskContact, common });
  switch (screen.step) {
    case 'identity':
    case 'code':
      return verificationScreen(screen, { screens, callbacks: RESET_CALLBACK, resendActionId: RESEND_CODE_ACTION, words: m }, ctx.messages);
    case 'new-password': return newPasswordView(screen, ctx.messages, screens);
    case 'done': return screen.notChanged.length > 0
      ? screens.finished([
        text(`:warning: ${m.doneIncomplete(screen.changed.map(escapeMrkdwn).join(', '), screen.notChanged.map(escapeMrkdwn).join(', '))}`),
        note(escapeMrkdwn(common.helpdeskHint(ctx.helpdeskContact ?? common.defaultHelpdeskContact))),
      ])
      : screens.finished([
        text(m.doneChanged(screen.changed.map(escapeMrkdwn).join(', '))),
        ...ctx.successNotes.map((line) => note(escapeMrkdwn(line))),
      ], m.doneTitle);
    case 'ended': return screens.ended(resetEndedText(screen.reason, ctx.messages));
  }
}

function newPasswordView(screen: NewPasswordScreen, messages: Messages, screens: ModalScreens): RenderedScreen {
  const { common: c, passwordReset: m } = messages;
  const blocks: Block[] = [];
  if (screen.partial) {
    blocks.push(text(`:warning: ${m.partialChanged(
      screen.partial.changed.map(escapeMrkdwn).join(', '),
      screen.partial.failed.map(escapeMrkdwn).join(', '),
    )}`));
  } else {
    blocks.push(text(`${m.accountsIntro}\n${bullets(screen.accounts.map(escapeMrkdwn))}`));
  }
  blocks.push(...newPasswordBlocks(m.newPasswordIntro, screen.rules, c));
  return screens.step(RESET_CALLBACK.newPassword, blocks, screen.error ? newPasswordErrors(screen.error, messages) : {});
}

function newPasswordErrors(error: NonNullable<NewPasswordScreen['error']>, messages: Messages): Record<string, string> {
  const { common: c, passwordReset: m } = messages;
  switch (error.kind) {
    case 'not-same-as-before': return { [NEW_PASSWORD_BLOCK.newPassword]: m.retrySamePassword };
    case 'accounts-changed': return { [NEW_PASSWORD_BLOCK.newPassword]: m.accountsChanged };
    case 'busy': return { [NEW_PASSWORD_BLOCK.newPassword]: c.ended.alreadyInProgress };
    default: return newPasswordFieldErrors(error, c);
  }
}

function resetEndedText(reason: EndReason, messages: Messages): string {
  const own = messages.passwordReset.ended;
  return endedText(reason, messages, {
    'account-disabled': own.accountDisabled,
    // Shared reasons, in words that name the reset.
    'rate-limited': own.rateLimited,
    'too-many-code-attempts': own.tooManyCodeAttempts,
    'too-many-identity-attempts': own.tooManyIdentityAttempts,
    'flow-expired': own.flowExpired,
    'flow-unreadable': own.flowUnreadable,
  });
}
