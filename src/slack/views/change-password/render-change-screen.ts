import type { types } from '@slack/bolt';
import type { ChangeEndReason, ChangeFormScreen, ChangeScreen } from '../../../flows/change-password/change-screen';
import type { EndedScreen } from '../../../flows/shared/outcome';
import type { Messages } from '../../../i18n';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, bullets, checkboxInput, escapeMrkdwn, INPUT_ACTION, modal, note, text, textInput } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { endedBlocks, finishedScreen, waitingView } from '../shared/modal-screens';
import { CHANGE_BLOCK, CHANGE_CALLBACK, currentForBlock } from './ids';

export interface ChangeRenderContext {
  messages: Messages;
  helpdeskContact: string | undefined;
  successNotes: string[];
}

export function changeLoadingView(messages: Messages): types.ModalView {
  return waitingView({ callbackId: CHANGE_CALLBACK.loading, title: messages.changePassword.modalTitle,
    text: messages.changePassword.loading, common: messages.common });
}

export function renderChangeScreen(screen: ChangeScreen, ctx: ChangeRenderContext): RenderedScreen {
  const m = ctx.messages.changePassword;
  switch (screen.step) {
    case 'form': return formView(screen, ctx);
    case 'done': return finished(ctx, [
      text(m.doneChanged(screen.changed.map(escapeMrkdwn).join(', '))),
      ...ctx.successNotes.map((line) => note(escapeMrkdwn(line))),
    ], m.doneTitle);
    case 'ended': return finished(ctx, endedBlocks(changeEndedText(screen, ctx.messages), ctx.helpdeskContact, ctx.messages.common));
  }
}

function formView(screen: ChangeFormScreen, ctx: ChangeRenderContext): RenderedScreen {
  const { common: c, changePassword: m } = ctx.messages;
  const several = screen.accounts.length > 1;
  const blocks: Block[] = [];
  if (screen.partial) {
    blocks.push(text(`:warning: ${m.partialChanged(screen.partial.changed.map(escapeMrkdwn).join(', '),
      screen.partial.failed.map(escapeMrkdwn).join(', '))}`));
  } else {
    blocks.push(text(m.intro));
  }
  if (screen.skipped.length > 0) blocks.push(note(m.accountsSkipped(screen.skipped.map(escapeMrkdwn).join(', '))));
  const names = screen.accounts.map((account) => m.accountOption(account.username, account.principalName));
  if (several) {
    const choices = screen.accounts.map((account, index) => ({ value: account.id, text: names[index] }));
    blocks.push(checkboxInput({ blockId: CHANGE_BLOCK.accounts, label: m.accountsLabel, choices,
      checked: choices.map((choice) => choice.value) }));
  } else {
    blocks.push(text(`*${escapeMrkdwn(names[0] ?? '')}*`));
  }
  blocks.push(textInput({ blockId: CHANGE_BLOCK.current, actionId: INPUT_ACTION, label: m.currentLabel, maxLength: 256 }));
  if (several) {
    for (const account of screen.accounts) {
      blocks.push(textInput({ blockId: currentForBlock(account.id), actionId: INPUT_ACTION, label: m.currentForLabel(account.username),
        hint: m.currentForHint, maxLength: 256, optional: true }));
    }
  }
  blocks.push(
    text(`${m.newPasswordIntro}\n${bullets(screen.rules.map((rule) => escapeMrkdwn(c.rule(rule))))}`),
    note(c.slackCannotMask),
    textInput({ blockId: CHANGE_BLOCK.newPassword, actionId: INPUT_ACTION, label: c.newPasswordLabel, maxLength: 256 }),
    textInput({ blockId: CHANGE_BLOCK.confirmPassword, actionId: INPUT_ACTION, label: c.confirmPasswordLabel, maxLength: 256 }),
  );
  return {
    view: modal({ callbackId: CHANGE_CALLBACK.form, title: m.modalTitle, submit: c.continue, close: c.cancel, blocks }),
    fieldErrors: formErrors(screen, ctx.messages),
  };
}

function formErrors(screen: ChangeFormScreen, messages: Messages): Record<string, string> {
  const { common: c, changePassword: m } = messages;
  const error = screen.error;
  if (!error) return {};
  const list = (accounts: string[]) => accounts.join(', ');
  switch (error.kind) {
    case 'none-chosen': return { [CHANGE_BLOCK.accounts]: m.noneChosen };
    case 'current-missing': return { [CHANGE_BLOCK.current]: m.currentMissing };
    case 'mismatch': return { [CHANGE_BLOCK.confirmPassword]: c.passwordsDiffer };
    case 'unmet': return { [CHANGE_BLOCK.newPassword]: `${c.passwordRefused} ${error.rules.map((rule) => c.rule(rule)).join('; ')}` };
    case 'wrong-current': return { [CHANGE_BLOCK.current]: m.wrongCurrent(list(error.accounts), error.triesLeft) };
    case 'stopped': return { [CHANGE_BLOCK.current]: m.stopped(list(error.accounts)) };
    case 'cannot-check-safely': return { [CHANGE_BLOCK.current]: m.cannotCheckSafely(list(error.accounts)) };
    case 'locked': return { [CHANGE_BLOCK.current]: m.locked(list(error.accounts)) };
    case 'expired': return { [CHANGE_BLOCK.current]: m.expired(list(error.accounts)) };
    case 'directory-refused': {
      const reasons = error.reasons.length > 0 ? error.reasons : (['other'] as const);
      return { [CHANGE_BLOCK.newPassword]: `${c.directoryRefused} ${reasons.map((reason) => c.directoryReason(reason)).join(' ')}` };
    }
    case 'directory-unavailable': return { [CHANGE_BLOCK.newPassword]: c.directoryUnavailableInline };
    case 'accounts-changed': return { [CHANGE_BLOCK.newPassword]: m.accountsChanged };
    case 'not-same-as-before': return { [CHANGE_BLOCK.newPassword]: m.retrySamePassword };
  }
}

function finished(ctx: ChangeRenderContext, blocks: Block[], title = ctx.messages.changePassword.modalTitle): RenderedScreen {
  return finishedScreen({ callbackId: CHANGE_CALLBACK.finished, title, blocks, common: ctx.messages.common });
}

function changeEndedText(screen: EndedScreen<ChangeEndReason>, messages: Messages): string {
  const own = messages.changePassword.ended;
  return endedText(screen.reason, messages, {
    'account-disabled': own.accountDisabled,
    // Shared reasons, in words that name the change.
    'rate-limited': own.rateLimited,
    'flow-expired': own.flowExpired,
    'flow-unreadable': own.flowUnreadable,
  });
}
