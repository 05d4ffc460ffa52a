import type { ServiceEndReason, ServiceOutcome, ServicePasswordScreen, ServiceScreen } from '../../../flows/service-account/service-screen';
import type { EndedScreen } from '../../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../../i18n';
import { type Presentation, presentation, type RenderedScreen } from '../../shared/presenter';
import { type Block, escapeMrkdwn, selectInput, text } from '../shared/blocks';
import { endedText } from '../shared/ended-text';
import { loadingScreen, type ModalScreens, modalScreens } from '../shared/modal-screens';
import { newPasswordBlocks, newPasswordFieldErrors } from '../shared/new-password-views';
import { verificationScreen } from '../shared/verification-views';
import { SERVICE_BLOCK, SERVICE_CALLBACK, SERVICE_RESEND_ACTION } from './ids';

export const serviceLoadingView = loadingScreen(SERVICE_CALLBACK.loading, (messages) => messages.serviceAccount);

export function presentService(helpdeskContact: string | undefined, outcome: ServiceOutcome): Presentation {
  return presentation(renderServiceScreen(outcome.screen, messagesFor(outcome.locale), helpdeskContact));
}

function renderServiceScreen(screen: ServiceScreen, messages: Messages, helpdeskContact: string | undefined): RenderedScreen {
  const m = messages.serviceAccount;
  const screens = modalScreens({ title: m.modalTitle, finishedCallbackId: SERVICE_CALLBACK.finished, helpdeskContact, common: messages.common });
  switch (screen.step) {
    case 'identity':
    case 'code':
      return verificationScreen(screen, { screens, callbacks: SERVICE_CALLBACK, resendActionId: SERVICE_RESEND_ACTION, words: m }, messages);
    case 'new-password': return passwordView(screen, messages, screens);
    case 'done': return screens.finished([text(m.doneChanged(escapeMrkdwn(screen.changed)))], m.doneTitle);
    case 'ended': return screens.ended(serviceEndedText(screen, messages));
  }
}

function passwordView(screen: ServicePasswordScreen, messages: Messages, screens: ModalScreens): RenderedScreen {
  const { common: c, serviceAccount: m } = messages;
  const choices = screen.services.map((service) => ({ value: service.id, text: service.username }));
  const blocks: Block[] = [
    selectInput({ blockId: SERVICE_BLOCK.service, label: m.serviceLabel, choices,
      chosen: choices.length === 1 ? choices[0].value : undefined }),
    ...newPasswordBlocks(m.newPasswordIntro, screen.rules, c),
  ];
  return screens.step(SERVICE_CALLBACK.newPassword, blocks, screen.error ? passwordErrors(screen.error, messages) : {});
}

function passwordErrors(error: NonNullable<ServicePasswordScreen['error']>, messages: Messages): Record<string, string> {
  switch (error.kind) {
    case 'none-chosen': return { [SERVICE_BLOCK.service]: messages.serviceAccount.noneChosen };
    case 'not-owned': return { [SERVICE_BLOCK.service]: messages.serviceAccount.notOwned };
    default: return newPasswordFieldErrors(error, messages.common);
  }
}

function serviceEndedText(screen: EndedScreen<ServiceEndReason>, messages: Messages): string {
  const own = messages.serviceAccount.ended;
  return endedText(screen.reason, messages, { 'account-disabled': own.accountDisabled, 'no-service-accounts': own.noServiceAccounts });
}
