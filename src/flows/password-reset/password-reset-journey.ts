import { slackActor } from '../../audit/actor';
import { messagesFor } from '../../i18n';
import { endFlow } from '../shared/end-flow';
import type { FlowKey, LoadedFlow } from '../shared/flow-repository';
import { loadForStep, type StepLoad } from '../shared/load-for-step';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { SmsVerification, type VerificationResult } from '../shared/sms-verification/sms-verification';
import type { PasswordResetDeps } from './journey-types';
import { setNewPassword } from './new-password-step';
import { startReset } from './start-step';
import { type EndReason, type ResetOutcome, type ResetScreen, resetSubject } from './reset-screen';
import type { ResetState } from './reset-state';

/**
 * Forgot-password reset by SMS code (the Polish procedure, steps I–III): identity check,
 * one-time code, new password checked by the policy, changed on every linked account.
 * Each method is one step; each checks the flow is at that step, so none can be skipped.
 */
export class PasswordResetJourney {
  private readonly verification: SmsVerification<ResetState>;

  constructor(private readonly deps: PasswordResetDeps) {
    this.verification = new SmsVerification(deps, {
      flows: deps.flows,
      auditPrefix: 'password-reset',
      limitSubjects: (state) => this.limitSubjects(state),
      subject: resetSubject,
      nextStep: 'new-password',
      smsBody: (locale, code, minutes) => messagesFor(locale).passwordReset.smsBody(code, minutes),
    });
  }

  /** `/password`: the person's accounts, whose phone proves them, then the identity check. */
  async start(key: FlowKey, requester: Requester): Promise<ResetOutcome> {
    return startReset(this.deps, key, requester);
  }

  async confirmIdentity(
    key: FlowKey,
    requestId: string,
    answers: { phoneDigits: string; challengeAnswer?: string },
  ): Promise<ResetOutcome> {
    return this.atStep(key, 'identity', requestId, async (flow) =>
      this.afterVerification(await this.verification.confirmIdentity(flow, requestId, answers), flow, requestId));
  }

  async resendCode(key: FlowKey, requestId: string): Promise<ResetOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.resendCode(flow, requestId), flow, requestId));
  }

  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<ResetOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.verifyCode(flow, requestId, typed), flow, requestId));
  }

  async setNewPassword(
    key: FlowKey,
    requestId: string,
    typed: { password: string; confirmation: string },
  ): Promise<ResetOutcome> {
    return this.atStep(key, 'new-password', requestId, async (flow) =>
      setNewPassword(
        this.deps,
        flow,
        requestId,
        typed,
        (state) => this.newPasswordScreen(state),
      ),
    );
  }

  /** The rules checklist shown before the person types, with the accounts it applies to. */
  private newPasswordScreen(state: ResetState): Extract<ResetScreen, { step: 'new-password' }> {
    return {
      step: 'new-password',
      accounts: state.accounts.map((a) => a.username),
      rules: this.deps.policy.rules(),
    };
  }

  private async afterVerification(
    result: VerificationResult<ResetState>,
    flow: LoadedFlow<ResetState>,
    requestId: string,
  ): Promise<ResetOutcome> {
    const locale = flow.state.locale;
    switch (result.kind) {
      case 'screen': return { locale, screen: result.screen };
      case 'in-progress': return this.inProgress(flow.state);
      case 'end': return result.flow ? this.end(result.flow, result.reason, requestId) : endedOutcome(locale, result.reason);
      case 'verified': return { locale, screen: this.newPasswordScreen(result.state) };
    }
  }

  /** Loads the flow and runs `work` only if it is at `step`; anything else ends politely. */
  private async atStep(
    key: FlowKey,
    step: ResetState['step'],
    requestId: string,
    work: (flow: LoadedFlow<ResetState>) => Promise<ResetOutcome>,
  ): Promise<ResetOutcome> {
    const { flows, clock, logger, defaultLocale } = this.deps;
    const loaded = await loadForStep(flows, key, step, clock.now(), logger, defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') return this.replayed(loaded, step, requestId);
    return work(loaded.flow);
  }

  /** A screen submitted again, or a step skipped: audited as a replay; a flow still going ends. */
  private async replayed(
    loaded: Extract<StepLoad<ResetState>, { status: 'replayed' }>,
    submitted: ResetState['step'],
    requestId: string,
  ): Promise<ResetOutcome> {
    const { state } = loaded.flow;
    if (!loaded.finished) await this.close(loaded.flow, requestId);
    await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.replayed', subject: state.phoneAccountDn,
      result: 'refused', detail: { submitted, flowStep: state.step }, requestId });
    return loaded.outcome;
  }

  private async end(flow: LoadedFlow<ResetState>, reason: EndReason, requestId: string): Promise<ResetOutcome> {
    const { state } = flow;
    await this.close(flow, requestId);
    const locked = reason === 'too-many-code-attempts' || reason === 'too-many-identity-attempts';
    await this.deps.audit.record({
      actor: slackActor(state),
      action: locked ? 'password-reset.locked' : 'password-reset.ended',
      subject: state.phoneAccountDn,
      result: locked ? 'refused' : 'failed',
      detail: { reason },
      requestId,
    });
    return endedOutcome(state.locale, reason);
  }

  /** Ends the flow in the store, also when another submission saved it meanwhile. */
  private async close(flow: LoadedFlow<ResetState>, requestId: string): Promise<void> {
    const ended = (state: ResetState): ResetState => ({ ...state, step: 'ended', codeHash: null, passwordFingerprint: null });
    const result = await endFlow(this.deps.flows, flow, ended, this.deps.clock.now());
    if (result !== 'ended') this.deps.logger.warn({ requestId, result }, 'could not end the flow in the store');
  }

  private inProgress(state: ResetState): ResetOutcome {
    return endedOutcome(state.locale, 'already-in-progress');
  }

  private limitSubjects(state: ResetState) {
    return { slackUser: slackActor(state), accounts: state.accounts.map((a) => a.dn) };
  }
}
