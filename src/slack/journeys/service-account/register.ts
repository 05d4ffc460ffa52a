import type { App } from '@slack/bolt';
import type { ServiceAccountJourney } from '../../../flows/service-account/service-account-journey';
import type { ServiceScreen } from '../../../flows/service-account/service-screen';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue, selectedValue } from '../../shared/view-input';
import { SERVICE_BLOCK, SERVICE_CALLBACK, SERVICE_RESEND_ACTION } from '../../views/service-account/ids';
import { presentService, serviceLoadingView } from '../../views/service-account/render-service-screen';
import { type MenuEntry, modalEntry } from '../menu/menu-entry';
import { registerVerificationSteps } from '../shared/verification-steps';

/** "Manage a service account": identity, code, then which account and its new password. From the menu, for owners. */
export function registerServiceAccount(app: App, deps: SlackDeps & { journey: ServiceAccountJourney; helpdeskContact: string | undefined }): MenuEntry {
  const modal: ModalJourney<ServiceScreen> = {
    auditPrefix: 'service-account',
    present: (outcome) => presentService(deps.helpdeskContact, outcome),
    title: (messages) => messages.serviceAccount.modalTitle,
  };
  registerVerificationSteps(app, deps, modal, { callbacks: SERVICE_CALLBACK, resendActionId: SERVICE_RESEND_ACTION, journey: deps.journey });
  app.view(SERVICE_CALLBACK.newPassword, stepSubmitted(deps, modal, (key, requestId, view) => deps.journey.setPassword(key, requestId, {
    serviceId: selectedValue(view, SERVICE_BLOCK.service) ?? '',
    password: inputValue(view, SERVICE_BLOCK.newPassword),
    confirmation: inputValue(view, SERVICE_BLOCK.confirmPassword),
  })));

  return modalEntry(deps, {
    name: 'service-account',
    modal,
    loading: serviceLoadingView,
    retryNote: (messages) => messages.serviceAccount.triggerExpired,
    start: (key, requester) => deps.journey.start(key, requester),
  });
}
