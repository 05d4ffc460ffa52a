import type { types } from '@slack/bolt';
import type {
  CodeScreen,
  EndReason,
  IdentityScreen,
  NewPasswordScreen,
  ResetScreen,
} from '../../flows/password-reset/reset-screen';
import type { Messages } from '../../i18n';
import { type Block, bullets, button, escapeMrkdwn, modal, note, text, textInput } from './blocks';
import { INPUT_ACTION, RESEND_CODE_ACTION, RESET_BLOCK, RESET_CALLBACK } from './ids';

export interface RenderContext {
  messages: Messages;
  helpdeskContact: string;
  successNotes: string[];
}

export interface RenderedScreen {
  view: types.ModalView;
  /**
   * Errors for Slack to show under inputs (`response_action: errors`) while the view stays as it
   * is. Empty when the view itself must change (then errors are part of the view's text).
   */
  fieldErrors: Record<string, string>;
}

/**
 * Renders what the journey decided into a modal. `inlineErrors` writes field errors into the
 * view's text instead, for when the view is replaced (`views.update`) rather than answered.
 */
export function renderResetScreen(screen: ResetScreen, ctx: RenderContext, inlineErrors = false): RenderedScreen {
  const rendered = renderScreen(screen, ctx);
  if (!inlineErrors || Object.keys(rendered.fieldErrors).length === 0) return rendered;
  const blocks = rendered.view.blocks.flatMap((block) => {
    const error = 'block_id' in block && block.block_id ? rendered.fieldErrors[block.block_id] : undefined;
    return error ? [block, note(`:warning: ${escapeMrkdwn(error)}`)] : [block];
  });
  return { view: { ...rendered.view, blocks }, fieldErrors: {} };
}

export function loadingView(messages: Messages): types.ModalView {
  return modal({
    callbackId: RESET_CALLBACK.loading,
    title: messages.modalTitle,
    close: messages.cancel,
    blocks: [text(`:hourglass_flowing_sand: ${messages.loading}`)],
  });
}

export function workingView(messages: Messages, callbackId: string): types.ModalView {
  return modal({
    callbackId,
    title: messages.modalTitle,
    close: messages.cancel,
    blocks: [text(`:hourglass_flowing_sand: ${messages.working}`)],
  });
}

function renderScreen(screen: ResetScreen, ctx: RenderContext): RenderedScreen {
  switch (screen.step) {
    case 'identity': return identityView(screen, ctx);
    case 'code': return codeView(screen, ctx);
    case 'new-password': return newPasswordView(screen, ctx);
    case 'done': return finished(ctx, [
      text(ctx.messages.doneChanged(screen.changed.map(escapeMrkdwn).join(', '))),
      ...ctx.successNotes.map((line) => note(escapeMrkdwn(line))),
    ], ctx.messages.doneTitle);
    case 'ended': return finished(ctx, [
      text(endedText(screen.reason, ctx.messages)),
      note(escapeMrkdwn(ctx.messages.helpdeskHint(ctx.helpdeskContact))),
    ]);
  }
}

function identityView(screen: IdentityScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages;
  const blocks: Block[] = [
    text(m.identityIntro),
    text(`${m.accountsIntro}\n${bullets(screen.accounts.map(escapeMrkdwn))}`),
  ];
  if (screen.skipped.length > 0) blocks.push(note(m.accountsSkipped(screen.skipped.map(escapeMrkdwn).join(', '))));
  blocks.push(textInput({
    blockId: RESET_BLOCK.phoneDigits, actionId: INPUT_ACTION, label: m.phoneDigitsLabel, hint: m.phoneDigitsHint, maxLength: 3,
  }));
  if (screen.errors?.challenge) blocks.push(note(`:warning: ${m.challengeWrong}`));
  if (screen.challenge) {
    blocks.push(textInput({
      blockId: RESET_BLOCK.challenge, actionId: INPUT_ACTION, label: m.challengeLabel(screen.challenge), maxLength: 5,
    }));
  }
  const fieldErrors: Record<string, string> = {};
  if (screen.errors?.phoneDigits === 'format') fieldErrors[RESET_BLOCK.phoneDigits] = m.phoneDigitsFormat;
  if (screen.errors?.phoneDigits === 'wrong') fieldErrors[RESET_BLOCK.phoneDigits] = m.phoneDigitsWrong;
  return {
    view: modal({ callbackId: RESET_CALLBACK.identity, title: m.modalTitle, submit: m.continue, close: m.cancel, blocks }),
    fieldErrors,
  };
}

function codeView(screen: CodeScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages;
  const blocks: Block[] = [text(m.codeIntro(screen.phoneEnding, screen.minutes))];
  if (screen.notice?.kind === 'resent') blocks.push(note(`:incoming_envelope: ${m.resent(screen.phoneEnding)}`));
  if (screen.notice?.kind === 'cooldown') blocks.push(note(`:hourglass: ${m.resendCooldown(screen.notice.seconds)}`));
  blocks.push(
    textInput({ blockId: RESET_BLOCK.code, actionId: INPUT_ACTION, label: m.codeLabel, maxLength: 9 }),
    button(RESEND_CODE_ACTION, m.resendButton),
  );
  const fieldErrors: Record<string, string> = {};
  if (screen.error?.kind === 'format') fieldErrors[RESET_BLOCK.code] = m.codeFormat;
  if (screen.error?.kind === 'wrong') fieldErrors[RESET_BLOCK.code] = m.codeWrong(screen.error.attemptsLeft);
  return {
    view: modal({ callbackId: RESET_CALLBACK.code, title: m.modalTitle, submit: m.continue, close: m.cancel, blocks }),
    fieldErrors,
  };
}

function newPasswordView(screen: NewPasswordScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages;
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
    text(`${m.newPasswordIntro}\n${bullets(screen.rules.map((rule) => escapeMrkdwn(m.rule(rule))))}`),
    note(m.slackCannotMask),
    textInput({ blockId: RESET_BLOCK.newPassword, actionId: INPUT_ACTION, label: m.newPasswordLabel, maxLength: 256 }),
    textInput({ blockId: RESET_BLOCK.confirmPassword, actionId: INPUT_ACTION, label: m.confirmPasswordLabel, maxLength: 256 }),
  );
  const fieldErrors: Record<string, string> = {};
  const error = screen.error;
  if (error?.kind === 'mismatch') fieldErrors[RESET_BLOCK.confirmPassword] = m.passwordsDiffer;
  if (error?.kind === 'unmet') {
    fieldErrors[RESET_BLOCK.newPassword] = `${m.passwordRefused} ${error.rules.map((rule) => m.rule(rule)).join('; ')}`;
  }
  if (error?.kind === 'directory-refused') {
    const reasons = error.reasons.length > 0 ? error.reasons : (['other'] as const);
    fieldErrors[RESET_BLOCK.newPassword] = `${m.directoryRefused} ${reasons.map((r) => m.directoryReason(r)).join(' ')}`;
  }
  if (error?.kind === 'not-same-as-before') fieldErrors[RESET_BLOCK.newPassword] = m.retrySamePassword;
  if (error?.kind === 'directory-unavailable') fieldErrors[RESET_BLOCK.newPassword] = m.directoryUnavailableInline;
  if (error?.kind === 'accounts-changed') fieldErrors[RESET_BLOCK.newPassword] = m.accountsChanged;
  return {
    view: modal({ callbackId: RESET_CALLBACK.newPassword, title: m.modalTitle, submit: m.continue, close: m.cancel, blocks }),
    fieldErrors,
  };
}

function finished(ctx: RenderContext, blocks: Block[], title = ctx.messages.modalTitle): RenderedScreen {
  return {
    view: modal({ callbackId: RESET_CALLBACK.finished, title, close: ctx.messages.close, blocks }),
    fieldErrors: {},
  };
}

function endedText(reason: EndReason, m: Messages): string {
  const texts: Record<EndReason, string> = {
    'no-verified-email': m.ended.noVerifiedEmail,
    'no-account': m.ended.noAccount,
    'no-phone': m.ended.noPhone,
    'account-disabled': m.ended.accountDisabled,
    'rate-limited': m.ended.rateLimited,
    'directory-unavailable': m.ended.directoryUnavailable,
    'sms-failed': m.ended.smsFailed,
    'code-expired': m.ended.codeExpired,
    'too-many-code-attempts': m.ended.tooManyCodeAttempts,
    'too-many-identity-attempts': m.ended.tooManyIdentityAttempts,
    'flow-expired': m.ended.flowExpired,
    'already-in-progress': m.ended.alreadyInProgress,
    unexpected: m.ended.unexpected,
  };
  return texts[reason];
}
