import type { types } from '@slack/bolt';
import type { Locale } from '../../../config';
import type {
  ChooseScreen, CodeScreen, DoneScreen, FindScreen, TemporaryPasswordScreen,
} from '../../../flows/temporary-password/temporary-password-screen';
import { TICKET_MAX_LENGTH } from '../../../flows/temporary-password/read-choice';
import type { Messages } from '../../../i18n';
import type { TemporaryPasswordMessages } from '../../../i18n/temporary-password';
import type { RenderedScreen } from '../../shared/presenter';
import {
  type Block, checkboxInput, escapeMrkdwn, INPUT_ACTION, modal, note, radioInput, text, textInput, userSelect,
} from '../shared/blocks';
import { endedBlocks, finishedScreen, waitingView } from '../shared/modal-screens';
import { accountRowBlocks } from './account-rows';
import { endedText } from './ended-text';
import { TEMP_PASSWORD_BLOCK as BLOCK, TEMP_PASSWORD_CALLBACK as CALLBACK, UNLOCK_VALUE } from './ids';

export interface RenderContext {
  messages: Messages;
  locale: Locale;
  helpdeskContact: string | undefined;
}

/** The help-desk modal opened at once, while the operator is checked. */
export function loadingView(messages: Messages): types.ModalView {
  return waitingView({ callbackId: CALLBACK.loading, title: messages.temporaryPassword.modalTitle,
    text: messages.temporaryPassword.loading, common: messages.common });
}

export function renderTemporaryPasswordScreen(screen: TemporaryPasswordScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages.temporaryPassword;
  switch (screen.step) {
    case 'find': return findView(screen, ctx);
    case 'choose': return chooseView(screen, ctx);
    case 'call-back': return step(ctx, CALLBACK.callBack, m.callBackSubmit, [
      text(m.callBackIntro(escapeMrkdwn(screen.phone))),
      note(escapeMrkdwn(screen.accounts.join(', '))),
    ]);
    case 'code': return codeView(screen, ctx);
    case 'done': return finished(ctx, doneBlocks(screen, m), m.doneTitle);
    case 'refused': return finished(ctx, [
      text(m.ended.nothingToReset),
      ...accountRowBlocks(screen.rows, m, ctx.locale),
    ]);
    case 'ended': return finished(ctx, endedBlocks(endedText(screen.reason, ctx.messages), ctx.helpdeskContact, ctx.messages.common));
  }
}

function findView(screen: FindScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages.temporaryPassword;
  const fieldErrors: Record<string, string> = {};
  if (screen.error?.kind === 'empty') fieldErrors[BLOCK.query] = m.findEmpty;
  if (screen.error?.kind === 'not-found') fieldErrors[BLOCK.query] = m.findNone(screen.error.query);
  if (screen.error?.kind === 'no-slack-email') fieldErrors[BLOCK.person] = m.noSlackEmail;
  return step(ctx, CALLBACK.find, m.findSubmit, [
    text(m.findIntro),
    userSelect({ blockId: BLOCK.person, label: m.personLabel, optional: true }),
    textInput({ blockId: BLOCK.query, actionId: INPUT_ACTION, label: m.queryLabel, hint: m.queryHint, maxLength: 254, optional: true }),
  ], fieldErrors);
}

function chooseView(screen: ChooseScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages.temporaryPassword;
  const selectable = screen.rows.filter((row) => row.selectable).map((row) => ({ value: row.value, text: row.label }));
  const verifications = [{ value: 'in-person', text: m.verification.inPerson }];
  if (screen.canUsePhone) {
    verifications.push({ value: 'call-back', text: m.verification.callBack }, { value: 'sms-code', text: m.verification.smsCode });
  }
  const deliveries = [{ value: 'show', text: m.delivery.show }];
  if (screen.canUsePhone) deliveries.push({ value: 'sms', text: m.delivery.sms });
  if (screen.canDm) deliveries.push({ value: 'dm', text: m.delivery.dm });

  const blocks: Block[] = [
    text(m.accountsFound),
    ...accountRowBlocks(screen.rows, m, ctx.locale),
    checkboxInput({ blockId: BLOCK.accounts, label: m.accountsLabel, choices: selectable, checked: selectable.map((c) => c.value) }),
    radioInput({ blockId: BLOCK.verification, label: m.verificationLabel, choices: verifications }),
    textInput({ blockId: BLOCK.ticket, actionId: INPUT_ACTION, label: m.ticketLabel, hint: m.ticketHint,
      maxLength: TICKET_MAX_LENGTH, optional: true }),
    radioInput({ blockId: BLOCK.delivery, label: m.deliveryLabel, choices: deliveries }),
  ];
  if (screen.anyLocked) {
    blocks.push(checkboxInput({ blockId: BLOCK.unlock, label: m.unlockLabel, optional: true,
      choices: [{ value: UNLOCK_VALUE, text: m.unlockOption }] }));
  }
  const words = {
    'no-account': m.errors.noAccountChosen,
    'no-verification': m.errors.noVerification,
    'no-delivery': m.errors.noDelivery,
    ticket: m.errors.ticket(TICKET_MAX_LENGTH),
    'needs-phone': m.errors.needsPhone,
    'needs-slack-user': m.errors.needsSlackUser,
    'sms-country-not-allowed': m.errors.smsCountryNotAllowed,
  };
  const fieldErrors: Record<string, string> = {};
  for (const [field, error] of Object.entries(screen.errors ?? {})) fieldErrors[field] = words[error];
  return step(ctx, CALLBACK.choose, m.chooseSubmit, blocks, fieldErrors);
}

function codeView(screen: CodeScreen, ctx: RenderContext): RenderedScreen {
  const m = ctx.messages.temporaryPassword;
  const fieldErrors: Record<string, string> = {};
  if (screen.error?.kind === 'format') fieldErrors[BLOCK.code] = m.codeFormat;
  if (screen.error?.kind === 'wrong') fieldErrors[BLOCK.code] = m.codeWrong(screen.error.attemptsLeft);
  return step(ctx, CALLBACK.code, m.codeSubmit, [
    text(m.codeIntro(screen.phoneEnding, screen.minutes)),
    textInput({ blockId: BLOCK.code, actionId: INPUT_ACTION, label: m.codeLabel, maxLength: 7 }),
  ], fieldErrors);
}

/** The result; the password appears here only, and only when it is to be read out. */
function doneBlocks(screen: DoneScreen, m: TemporaryPasswordMessages): Block[] {
  const blocks: Block[] = [text(m.doneSet(screen.accounts.map(escapeMrkdwn).join(', ')))];
  if (screen.shown) {
    if (screen.deliveryFailed) blocks.push(text(m.deliveryFailed));
    else blocks.push(text(m.shownOnce));
    blocks.push(text(`\`\`\`${screen.shown.password}\`\`\``), note(m.readAloud(screen.shown.separator)));
  } else if (screen.delivery === 'sms') {
    blocks.push(text(m.sentBySms(screen.phoneEnding ?? '')));
  } else if (screen.delivery === 'dm') {
    blocks.push(text(m.sentByDm));
  }
  if (screen.unlocked.length > 0) blocks.push(text(m.unlocked(screen.unlocked.map(escapeMrkdwn).join(', '))));
  if (screen.stillLocked.length > 0) blocks.push(text(`:lock: ${m.stillLocked(screen.stillLocked.map(escapeMrkdwn).join(', '))}`));
  if (screen.notSet.length > 0) blocks.push(text(`:warning: ${m.notSet(screen.notSet.map(escapeMrkdwn).join(', '))}`));
  blocks.push(note(m.mustChangeNext));
  return blocks;
}

function step(ctx: RenderContext, callbackId: string, submit: string, blocks: Block[], fieldErrors: Record<string, string> = {}): RenderedScreen {
  return {
    view: modal({ callbackId, title: ctx.messages.temporaryPassword.modalTitle, submit, close: ctx.messages.common.cancel, blocks }),
    fieldErrors,
  };
}

function finished(ctx: RenderContext, blocks: Block[], title = ctx.messages.temporaryPassword.modalTitle): RenderedScreen {
  return finishedScreen({ callbackId: CALLBACK.finished, title, blocks, common: ctx.messages.common });
}
