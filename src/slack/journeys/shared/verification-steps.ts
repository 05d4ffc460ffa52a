import type { App, BlockButtonAction } from '@slack/bolt';
import type { FlowKey } from '../../../flows/shared/flow-repository';
import type { Outcome } from '../../../flows/shared/outcome';
import { actionOnModal } from '../../shared/action-on-modal';
import type { ModalJourney } from '../../shared/modal-journey';
import type { SlackDeps } from '../../shared/slack-deps';
import { stepSubmitted } from '../../shared/step-submitted';
import { inputValue } from '../../shared/view-input';
import { VERIFICATION_BLOCK } from '../../views/shared/verification-views';

/** The identity and code steps of a journey, as its listeners call them. */
export interface VerificationSteps<Screen> {
  confirmIdentity(key: FlowKey, requestId: string, answers: { phoneDigits: string; challengeAnswer?: string }): Promise<Outcome<Screen>>;
  verifyCode(key: FlowKey, requestId: string, typed: string): Promise<Outcome<Screen>>;
  resendCode(key: FlowKey, requestId: string): Promise<Outcome<Screen>>;
}

/**
 * The listeners of the identity check (last 3 phone digits and the sum), the SMS code, and "Send a
 * new code" (a new code after the cooldown; failures keep counting), for a journey whose modal
 * names those steps `callbacks.identity` and `callbacks.code`.
 */
export function registerVerificationSteps<Screen>(
  app: App,
  deps: SlackDeps,
  modal: ModalJourney<Screen>,
  spec: { callbacks: { identity: string; code: string }; resendActionId: string; journey: VerificationSteps<Screen> },
): void {
  const { journey } = spec;
  app.view(spec.callbacks.identity, stepSubmitted(deps, modal, (key, requestId, view) => journey.confirmIdentity(key, requestId, {
    phoneDigits: inputValue(view, VERIFICATION_BLOCK.phoneDigits),
    challengeAnswer: inputValue(view, VERIFICATION_BLOCK.challenge),
  })));
  app.view(spec.callbacks.code, stepSubmitted(deps, modal, (key, requestId, view) =>
    journey.verifyCode(key, requestId, inputValue(view, VERIFICATION_BLOCK.code))));
  app.action<BlockButtonAction>(spec.resendActionId, actionOnModal(deps, modal, (key, requestId) => journey.resendCode(key, requestId)));
}
