import { slackActor } from '../../audit/actor';
import { messagesFor } from '../../i18n';
import { endFlow } from '../shared/end-flow';
import type { FlowKey, LoadedFlow } from '../shared/flow-repository';
import type { StepLoad } from '../shared/load-for-step';
import type { EndedScreen, Outcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { SmsVerifiedJourney } from '../shared/sms-verification/sms-verified-journey';
import type { PasswordResetDeps } from './journey-types';
import { setNewPassword } from './new-password-step';
import { startReset } from './start-step';
import { type NewPasswordScreen, type ResetOutcome, type ResetScreen, resetSubject } from './reset-screen';
import type { ResetState } from './reset-state';

/**
 * Forgot-password reset by SMS code (the Polish procedure, steps I–III): identity check,
 * one-time code, new password checked by the policy, changed on every linked account.
 * Each method is one step; each checks the flow is at that step, so none can be skipped.
 */
export class PasswordResetJourney extends SmsVerifiedJourney<ResetState, ResetScreen, PasswordResetDeps> {
  constructor(deps: PasswordResetDeps) {
    super(deps, {
      flows: deps.flows,
      auditPrefix: 'password-reset',
      stoppedAs: 'locked',
      limitSubjects: (state) => ({ slackUser: slackActor(state), accounts: state.accounts.map((a) => a.dn) }),
      subject: resetSubject,
      nextStep: 'new-password',
      smsBody: (locale, code, minutes) => messagesFor(locale).passwordReset.smsBody(code, minutes),
    });
  }

  /** `/password`: the person's accounts, whose phone proves them, then the identity check. */
  async start(key: FlowKey, requester: Requester): Promise<ResetOutcome> {
    return startReset(this.deps, key, requester, (state) => this.open(key, state, requester, { accounts: state.accounts.length }));
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

  protected async afterCode(state: ResetState): Promise<NewPasswordScreen> {
    return this.newPasswordScreen(state);
  }

  /** A replay is audited with the phone's account; a flow still going is closed, not audited as ended. */
  protected override async replayed(
    loaded: Extract<StepLoad<ResetState>, { status: 'replayed' }>,
    submitted: ResetState['step'],
    requestId: string,
  ): Promise<Outcome<EndedScreen>> {
    const { state } = loaded.flow;
    if (!loaded.finished) await this.close(loaded.flow, requestId);
    await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.replayed', subject: state.phoneAccountDn,
      result: 'refused', detail: { submitted, flowStep: state.step }, requestId });
    return loaded.outcome;
  }

  /** Ends the flow in the store, also when another submission saved it meanwhile. */
  protected override async close(flow: LoadedFlow<ResetState>, requestId: string): Promise<void> {
    const result = await endFlow(this.deps.flows, flow, (state) => this.ended(state), this.deps.clock.now());
    if (result !== 'ended') this.deps.logger.warn({ requestId, result }, 'could not end the flow in the store');
  }

  protected override ended(state: ResetState): ResetState {
    return { ...state, step: 'ended', codeHash: null, passwordFingerprint: null };
  }

  /** The rules checklist shown before the person types, with the accounts it applies to. */
  private newPasswordScreen(state: ResetState): NewPasswordScreen {
    return {
      step: 'new-password',
      accounts: state.accounts.map((a) => a.username),
      rules: this.deps.policy.rules(),
    };
  }
}
