import type { types } from '@slack/bolt';
import type { ServiceEndReason, ServiceOutcome, ServicePasswordScreen, ServiceScreen } from '../../../flows/service-account/service-screen';
import type { EndedScreen } from '../../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../../i18n';
import { type Presentation, presentation, type RenderedScreen } from '../../shared/presenter';
import { type Block, bullets, escapeMrkdwn, INPUT_ACTION, modal, note, selectInput, text, textInput } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { endedBlocks, finishedScreen, waitingView } from '../shared/modal-screens';
import { codeBlocks, identityBlocks } from '../shared/verification-views';
import { SERVICE_BLOCK, SERVICE_CALLBACK, SERVICE_RESEND_ACTION } from './ids';

export function serviceLoadingView(messages: Messages): types.ModalView {
  return waitingView({ callbackId: SERVICE_CALLBACK.loading, title: messages.serviceAccount.modalTitle,
    text: messages.serviceAccount.loading, common: messages.common });
}

export function presentService(helpdeskContact: string | undefined, outcome: ServiceOutcome): Presentation {
  return presentation(renderServiceScreen(outcome.screen, messagesFor(outcome.locale), helpdeskContact));
}

function renderServiceScreen(screen: ServiceScreen, messages: Messages, helpdeskContact: string | undefined): RenderedScreen {
  const m = messages.serviceAccount;
  switch (screen.step) {
    case 'identity': {
      const { blocks, fieldErrors } = identityBlocks(screen, messages);
      return { view: stepModal(SERVICE_CALLBACK.identity, messages, blocks), fieldErrors };
    }
    case 'code': {
      const { blocks, fieldErrors } = codeBlocks(screen, messages, m, SERVICE_RESEND_ACTION);
      return { view: stepModal(SERVICE_CALLBACK.code, messages, blocks), fieldErrors };
    }
    case 'new-password': return passwordView(screen, messages);
    case 'done': return finished(messages, [text(m.doneChanged(escapeMrkdwn(screen.changed)))], m.doneTitle);
    case 'ended': return finished(messages, endedBlocks(serviceEndedText(screen, messages), helpdeskContact, messages.common));
  }
}

function passwordView(screen: ServicePasswordScreen, messages: Messages): RenderedScreen {
  const { common: c, serviceAccount: m } = messages;
  const choices = screen.services.map((service) => ({ value: service.id, text: service.username }));
  const blocks: Block[] = [
    selectInput({ blockId: SERVICE_BLOCK.service, label: m.serviceLabel, choices,
      chosen: choices.length === 1 ? choices[0].value : undefined }),
    text(`${m.newPasswordIntro}\n${bullets(screen.rules.map((rule) => escapeMrkdwn(c.rule(rule))))}`),
    note(c.slackCannotMask),
    textInput({ blockId: SERVICE_BLOCK.newPassword, actionId: INPUT_ACTION, label: c.newPasswordLabel, maxLength: 256 }),
    textInput({ blockId: SERVICE_BLOCK.confirmPassword, actionId: INPUT_ACTION, label: c.confirmPasswordLabel, maxLength: 256 }),
  ];
  const fieldErrors: Record<string, string> = {};
  const error = screen.error;
  if (error?.kind === 'none-chosen') fieldErrors[SERVICE_BLOCK.service] = m.noneChosen;
  if (error?.kind === 'not-owned') fieldErrors[SERVICE_BLOCK.service] = m.notOwned;
  if (error?.kind === 'mismatch') fieldErrors[SERVICE_BLOCK.confirmPassword] = c.passwordsDiffer;
  if (error?.kind === 'unmet') fieldErrors[SERVICE_BLOCK.newPassword] = `${c.passwordRefused} ${error.rules.map((rule) => c.rule(rule)).join('; ')}`;
  if (error?.kind === 'directory-refused') {
    const reasons = error.reasons.length > 0 ? error.reasons : (['other'] as const);
    fieldErrors[SERVICE_BLOCK.newPassword] = `${c.directoryRefused} ${reasons.map((reason) => c.directoryReason(reason)).join(' ')}`;
  }
  if (error?.kind === 'directory-unavailable') fieldErrors[SERVICE_BLOCK.newPassword] = c.directoryUnavailableInline;
  return { view: stepModal(SERVICE_CALLBACK.newPassword, messages, blocks), fieldErrors };
}

function stepModal(callbackId: string, messages: Messages, blocks: Block[]): types.ModalView {
  return modal({ callbackId, title: messages.serviceAccount.modalTitle, submit: messages.common.continue, close: messages.common.cancel, blocks });
}

function finished(messages: Messages, blocks: Block[], title = messages.serviceAccount.modalTitle): RenderedScreen {
  return finishedScreen({ callbackId: SERVICE_CALLBACK.finished, title, blocks, common: messages.common });
}

function serviceEndedText(screen: EndedScreen<ServiceEndReason>, messages: Messages): string {
  const own = messages.serviceAccount.ended;
  return endedText(screen.reason, messages, { 'account-disabled': own.accountDisabled, 'no-service-accounts': own.noServiceAccounts });
}
