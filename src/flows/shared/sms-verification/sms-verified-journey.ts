import { slackActor } from '../../../audit/actor';
import type { Locale } from '../../../config';
import type { FlowKey, FlowRepository, LoadedFlow } from '../flow-repository';
import { loadForStep, type StepLoad } from '../load-for-step';
import { type EndedScreen, endedOutcome, type Outcome } from '../outcome';
import type { Requester } from '../requester';
import type { StartLimits } from '../start-allowance';
import {
  SmsVerification, type SmsVerificationDeps, type VerifiableState, type VerificationOwner, type VerificationResult,
} from './sms-verification';
import type { CodeScreen, IdentityScreen, VerificationEndReason } from './verification-screens';

/** The screens the identity and code steps may show, whatever the journey. */
export type VerificationStepScreen = IdentityScreen | CodeScreen | EndedScreen<VerificationEndReason>;

export interface SmsVerifiedJourneyDeps<S extends VerifiableState> extends SmsVerificationDeps {
  flows: FlowRepository<S>;
  /** The start allowance too; the reset's rules and counters, so one allowance serves every journey. */
  limits: StartLimits & SmsVerificationDeps['limits'];
  /** DEFAULT_LOCALE: the language of answers given without a flow (expired, unreadable). */
  defaultLocale: Locale;
}

/**
 * A journey that proves the person by the identity check and an SMS code (the Polish procedure's
 * steps I and II) before its own steps: reset, unlock, service account. It runs those two steps,
 * each only at its step so none can be skipped, and opens, replays and ends the flow; the journey
 * says what a right code leads to.
 */
export abstract class SmsVerifiedJourney<S extends VerifiableState, Screen, D extends SmsVerifiedJourneyDeps<S>> {
  protected readonly verification: SmsVerification<S>;
  private readonly auditPrefix: string;
  private readonly stoppedAs: 'locked' | 'stopped';

  protected constructor(
    protected readonly deps: D,
    owner: VerificationOwner<S> & {
      /** How too many wrong answers is audited: `<auditPrefix>.locked` or `.stopped`. */
      stoppedAs: 'locked' | 'stopped';
    },
  ) {
    this.verification = new SmsVerification(deps, owner);
    this.auditPrefix = owner.auditPrefix;
    this.stoppedAs = owner.stoppedAs;
  }

  async confirmIdentity(
    key: FlowKey,
    requestId: string,
    answers: { phoneDigits: string; challengeAnswer?: string },
  ): Promise<Outcome<Screen | VerificationStepScreen>> {
    return this.atStep(key, this.stepNamed('identity'), requestId, async (flow) =>
      this.afterVerification(await this.verification.confirmIdentity(flow, requestId, answers), flow, requestId));
  }

  async resendCode(key: FlowKey, requestId: string): Promise<Outcome<Screen | VerificationStepScreen>> {
    return this.atStep(key, this.stepNamed('code'), requestId, async (flow) =>
      this.afterVerification(await this.verification.resendCode(flow, requestId), flow, requestId));
  }

  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<Outcome<Screen | VerificationStepScreen>> {
    return this.atStep(key, this.stepNamed('code'), requestId, async (flow) =>
      this.afterVerification(await this.verification.verifyCode(flow, requestId, typed), flow, requestId));
  }

  /** The code was right and the flow is saved at the journey's next step: what comes now. */
  protected abstract afterCode(state: S, requestId: string): Promise<Screen>;

  /** A new flow: stored, its start audited (with `detail`), and its identity check shown. */
  protected async open(key: FlowKey, state: S, requester: Requester, detail: Record<string, number>): Promise<Outcome<IdentityScreen>> {
    await this.deps.flows.create(key, state);
    await this.deps.audit.record({ actor: slackActor(requester), action: `${this.auditPrefix}.started`, subject: state.phoneAccountDn,
      result: 'ok', detail, requestId: requester.requestId });
    return { locale: state.locale, screen: this.verification.identityScreen(state) };
  }

  /** Loads the flow and runs `work` only if it is at `step`; anything else ends politely. */
  protected async atStep<R>(
    key: FlowKey,
    step: S['step'],
    requestId: string,
    work: (flow: LoadedFlow<S>) => Promise<Outcome<R>>,
  ): Promise<Outcome<R | EndedScreen>> {
    const { flows, clock, logger, defaultLocale } = this.deps;
    const loaded = await loadForStep(flows, key, step, clock.now(), logger, defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') return this.replayed(loaded, step, requestId);
    return work(loaded.flow);
  }

  /** An earlier screen submitted again, or a step skipped: audited; a flow still going ends. */
  protected async replayed(
    loaded: Extract<StepLoad<S>, { status: 'replayed' }>,
    submitted: S['step'],
    requestId: string,
  ): Promise<Outcome<EndedScreen>> {
    if (!loaded.finished) await this.end(loaded.flow, 'flow-expired', requestId);
    await this.deps.audit.record({ actor: slackActor(loaded.flow.state), action: `${this.auditPrefix}.replayed`, result: 'refused',
      detail: { submitted, flowStep: loaded.flow.state.step }, requestId });
    return loaded.outcome;
  }

  /** Ends the flow (`close`), audited with the reason: too many wrong answers as `locked` or `stopped`. */
  protected async end(
    flow: LoadedFlow<S>,
    reason: VerificationEndReason | 'flow-expired',
    requestId: string,
  ): Promise<Outcome<EndedScreen<VerificationEndReason>>> {
    await this.close(flow, requestId);
    const stopped = reason === 'too-many-code-attempts' || reason === 'too-many-identity-attempts';
    await this.deps.audit.record({
      actor: slackActor(flow.state),
      action: `${this.auditPrefix}.${stopped ? this.stoppedAs : 'ended'}`,
      subject: flow.state.phoneAccountDn,
      result: stopped ? 'refused' : 'failed',
      detail: { reason },
      requestId,
    });
    return endedOutcome(flow.state.locale, reason);
  }

  /** Saves the flow at its last step, its code forgotten. */
  protected async close(flow: LoadedFlow<S>, _requestId: string): Promise<void> {
    await this.deps.flows.save(flow.key, flow.version, this.ended(flow.state));
  }

  protected ended(state: S): S {
    // Every journey with a verification has an 'ended' step, which TS cannot see through S.
    return { ...state, step: 'ended', codeHash: null } as S;
  }

  private async afterVerification(
    result: VerificationResult<S>,
    flow: LoadedFlow<S>,
    requestId: string,
  ): Promise<Outcome<Screen | VerificationStepScreen>> {
    const locale = flow.state.locale;
    switch (result.kind) {
      case 'screen': return { locale, screen: result.screen };
      case 'in-progress': return endedOutcome(locale, 'already-in-progress');
      case 'end': return result.flow ? this.end(result.flow, result.reason, requestId) : endedOutcome(locale, result.reason);
      case 'verified': return { locale, screen: await this.afterCode(result.state, requestId) };
    }
  }

  /** Every journey with a verification has 'identity' and 'code' steps, which TS cannot see through S. */
  private stepNamed(step: 'identity' | 'code'): S['step'] {
    return step as S['step'];
  }
}
