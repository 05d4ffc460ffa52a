import type { types } from '@slack/bolt';
import type {
  CodeScreen,
  EndReason,
  IdentityScreen,
  NewPasswordScreen,
  ResetScreen,
} from '../../../flows/password-reset/reset-screen';
import type { Messages } from '../../../i18n';
import { DEFAULT_POLICY } from '../../../policy/default-policy';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, bullets, escapeMrkdwn, INPUT_ACTION, modal, note, text, textInput } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { endedBlocks, finishedScreen, waitingView } from '../shared/modal-screens';
import { codeBlocks, identityBlocks } from '../shared/verification-views';
import { RESEND_CODE_ACTION, RESET_BLOCK, RESET_CALLBACK } from './ids';

/**
 * Slack cuts input at its max length without a word; this is twice the policy's ceiling, so an
 * over-long password reaches the policy and is refused with its rule named.
 */
const PASSWORD_INPUT_MAX_LENGTH = 2 * DEFAULT_POLICY.maxLength;

export interface RenderContext {
  messages: Messages;
  helpdeskContact: string | undefined;
  successNotes: string[];
}

/** The `/password` modal opened at once, while the accounts are looked up. */
export function loadingView(messages: Messages): types.ModalView {
  return waitingView({ callbackId: RESET_CALLBACK.loading, title: messages.passwordReset.modalTitle,
    text: messages.passwordReset.loading, common: messages.common });
}

/** Renders what the journey decided into a modal (field errors under the inputs). */
export function renderResetScreen(screen: ResetScreen, ctx: RenderContext): RenderedScreen {
  const { common, passwordReset: m } = ctx.messages;
  switch (screen.step) {
    case 'identity': return identityView(screen, ctx);
    case 'code': return codeView(screen, ctx);
    case 'new-password': return newPasswordView(screen, ctx);
    case 'done': return screen.notChanged.length > 0
      ? finished(ctx, [
        text(`:warning: ${m.doneIncomplete(screen.changed.map(escapeMrkdwn).join(', '), screen.notChanged.map(escapeMrkdwn).join(', '))}`),
        note(escapeMrkdwn(common.helpdeskHint(ctx.helpdeskContact ?? common.defaultHelpdeskContact))),
      ])
      : finished(ctx, [
        text(m.doneChanged(screen.changed.map(escapeMrkdwn).join(', '))),
        ...ctx.successNotes.map((line) => note(escapeMrkdwn(line))),
      ], m.doneTitle);
    case 'ended': return finished(ctx, endedBlocks(resetEndedText(screen.reason, ctx.messages), ctx.helpdeskContact, common));
  }
}

function identityView(screen: IdentityScreen, ctx: RenderContext): RenderedScreen {
  const { blocks, fieldErrors } = identityBlocks(screen, ctx.messages);
  return { view: stepModal(RESET_CALLBACK.identity, ctx, blocks), fieldErrors };
}

function codeView(screen: CodeScreen, ctx: RenderContext): RenderedScreen {
  const { blocks, fieldErrors } = codeBlocks(screen, ctx.messages, ctx.messages.passwordReset, RESEND_CODE_ACTION);
  return { view: stepModal(RESET_CALLBACK.code, ctx, blocks), fieldErrors };
}

function newPasswordView(screen: NewPasswordScreen, ctx: RenderContext): RenderedScreen {
  const { common: c, passwordReset: m } = ctx.messages;
  const blocks: Block[] = [];
  if (screen.partial) {
    blocks.push(text(`:warning: ${m.partialChanged(
      screen.partial.changed.map(escapeMrkdwn).join(', '),
      screen.partial.failed.map(escapeMrkdwn).join(', '),
    )}`));
  } else {
    blocks.push(text(`${m.accountsIntro}\n${bullets(screen.accounts.map(escapeMrkdwn))}`));
  }
  blocks.push(
    text(`${m.newPasswordIntro}\n${bullets(screen.rules.map((rule) => escapeMrkdwn(c.rule(rule))))}`),
    note(c.slackCannotMask),
    textInput({ blockId: RESET_BLOCK.newPassword, actionId: INPUT_ACTION, label: c.newPasswordLabel,
      maxLength: PASSWORD_INPUT_MAX_LENGTH }),
    textInput({ blockId: RESET_BLOCK.confirmPassword, actionId: INPUT_ACTION, label: c.confirmPasswordLabel,
      maxLength: PASSWORD_INPUT_MAX_LENGTH }),
  );
  const fieldErrors: Record<string, string> = {};
  const error = screen.error;
  if (error?.kind === 'mismatch') fieldErrors[RESET_BLOCK.confirmPassword] = c.passwordsDiffer;
  if (error?.kind === 'unmet') {
    fieldErrors[RESET_BLOCK.newPassword] = `${c.passwordRefused} ${error.rules.map((rule) => c.rule(rule)).join('; ')}`;
  }
  if (error?.kind === 'directory-refused') {
    const reasons = error.reasons.length > 0 ? error.reasons : (['other'] as const);
    fieldErrors[RESET_BLOCK.newPassword] = `${c.directoryRefused} ${reasons.map((r) => c.directoryReason(r)).join(' ')}`;
  }
  if (error?.kind === 'not-same-as-before') fieldErrors[RESET_BLOCK.newPassword] = m.retrySamePassword;
  if (error?.kind === 'directory-unavailable') fieldErrors[RESET_BLOCK.newPassword] = c.directoryUnavailableInline;
  if (error?.kind === 'accounts-changed') fieldErrors[RESET_BLOCK.newPassword] = m.accountsChanged;
  if (error?.kind === 'busy') fieldErrors[RESET_BLOCK.newPassword] = c.ended.alreadyInProgress;
  return { view: stepModal(RESET_CALLBACK.newPassword, ctx, blocks), fieldErrors };
}

function stepModal(callbackId: string, ctx: RenderContext, blocks: Block[]): types.ModalView {
  const { common, passwordReset } = ctx.messages;
  return modal({ callbackId, title: passwordReset.modalTitle, submit: common.continue, close: common.cancel, blocks });
}

function finished(ctx: RenderContext, blocks: Block[], title = ctx.messages.passwordReset.modalTitle): RenderedScreen {
  return finishedScreen({ callbackId: RESET_CALLBACK.finished, title, blocks, common: ctx.messages.common });
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
