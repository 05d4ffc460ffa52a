import type { ChangeEndReason, ChangeFormScreen, ChangeScreen } from '../../../flows/change-password/change-screen';
import type { EndedScreen } from '../../../flows/shared/outcome';
import type { Messages } from '../../../i18n';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, checkboxInput, escapeMrkdwn, INPUT_ACTION, note, text, textInput } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { loadingScreen, type ModalScreens, modalScreens } from '../shared/modal-screens';
import { newPasswordBlocks, newPasswordFieldErrors } from '../shared/new-password-views';
import type { RenderContext } from '../shared/render-context';
import { CHANGE_BLOCK, CHANGE_CALLBACK, currentForBlock } from './ids';

export const changeLoadingView = loadingScreen(CHANGE_CALLBACK.loading, (messages) => messages.changePassword);

export function renderChangeScreen(screen: ChangeScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages.changePassword;
  const screens = modalScreens({ title: m.modalTitle, finishedCallbackId: CHANGE_CALLBACK.finished, helpdeskContact: ctx.helpdeskContact,
    common: ctx.messages.common });
  switch (screen.step) {
    case 'form': return formView(screen, ctx.messages, screens);
    case 'done': return screens.finished([
      text(m.doneChanged(screen.changed.map(escapeMrkdwn).join(', '))),
      ...ctx.successNotes.map((line) => note(escapeMrkdwn(line))),
    ], m.doneTitle);
    case 'ended': return screens.ended(changeEndedText(screen, ctx.messages));
  }
}

function formView(screen: ChangeFormScreen, messages: Messages, screens: ModalScreens): RenderedScreen {
  const { common: c, changePassword: m } = messages;
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
  blocks.push(...newPasswordBlocks(m.newPasswordIntro, screen.rules, c));
  return screens.step(CHANGE_CALLBACK.form, blocks, formErrors(screen, messages));
}

function formErrors(screen: ChangeFormScreen, messages: Messages): Record<string, string> {
  const { common: c, changePassword: m } = messages;
  const error = screen.error;
  if (!error) return {};
  const list = (accounts: string[]) => accounts.join(', ');
  switch (error.kind) {
    case 'none-chosen': return { [CHANGE_BLOCK.accounts]: m.noneChosen };
    case 'current-missing': return { [CHANGE_BLOCK.current]: m.currentMissing };
    case 'wrong-current': return { [CHANGE_BLOCK.current]: m.wrongCurrent(list(error.accounts), error.triesLeft) };
    case 'stopped': return { [CHANGE_BLOCK.current]: m.stopped(list(error.accounts)) };
    case 'cannot-check-safely': return { [CHANGE_BLOCK.current]: m.cannotCheckSafely(list(error.accounts)) };
    case 'locked': return { [CHANGE_BLOCK.current]: m.locked(list(error.accounts)) };
    case 'expired': return { [CHANGE_BLOCK.current]: m.expired(list(error.accounts)) };
    case 'accounts-changed': return { [CHANGE_BLOCK.newPassword]: m.accountsChanged };
    case 'not-same-as-before': return { [CHANGE_BLOCK.newPassword]: m.retrySamePassword };
    default: return newPasswordFieldErrors(error, c);
  }
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
