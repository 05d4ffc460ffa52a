import { slackActor } from '../../audit/actor';
import { MINUTE_MS, SECOND_MS } from '../../clock/durations';
import { MAX_CODE_TTL_MINUTES } from '../../config';
import { messagesFor } from '../../i18n';
import { maskPhone } from '../../log/mask';
import { newArithmeticChallenge, parseChallengeAnswer } from '../shared/arithmetic-challenge';
import { endFlow } from '../shared/end-flow';
import type { FlowKey, LoadedFlow } from '../shared/flow-repository';
import { loadForStep, type StepLoad } from '../shared/load-for-step';
import { logDirectoryError } from '../shared/log-directory-error';
import { codeMatches, generateCode, hashCode, normaliseTypedCode } from '../shared/one-time-code';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import type { PasswordResetDeps } from './journey-types';
import { setNewPassword } from './new-password-step';
import { startReset } from './start-step';
import { codeScreen, type EndReason, identityScreen, type ResetOutcome, type ResetScreen } from './reset-screen';
import type { ResetState } from './reset-state';

/**
 * Forgot-password reset by SMS code (the Polish procedure, steps I–III): identity check,
 * one-time code, new password checked by the policy, changed on every linked account.
 * Each method is one step; each checks the flow is at that step, so none can be skipped.
 */
export class PasswordResetJourney {
  constructor(private readonly deps: PasswordResetDeps) {}

  /** `/password`: the person's accounts, whose phone proves them, then the identity check. */
  async start(key: FlowKey, requester: Requester): Promise<ResetOutcome> {
    return startReset(this.deps, key, requester);
  }

  async confirmIdentity(
    key: FlowKey,
    requestId: string,
    answers: { phoneDigits: string; challengeAnswer?: string },
  ): Promise<ResetOutcome> {
    return this.atStep(key, 'identity', requestId, async (flow) => {
      const { state } = flow;
      const digits = answers.phoneDigits.trim();
      if (!/^\d{3}$/.test(digits)) {
        return { locale: state.locale, screen: identityScreen(state, { phoneDigits: 'format' }) };
      }
      const phone = await this.registeredPhone(flow, requestId);
      if (typeof phone !== 'string') return phone;
      if (await this.wrongAnswersUsedUp(state, phone)) return this.end(flow, 'rate-limited', requestId);

      const challengeWrong =
        state.challengeAnswer !== null &&
        parseChallengeAnswer(answers.challengeAnswer ?? '') !== state.challengeAnswer;
      const phoneWrong = !phone.replace(/\D/g, '').endsWith(digits);
      if (challengeWrong || phoneWrong) {
        const which = challengeWrong && phoneWrong ? 'both' : challengeWrong ? 'challenge' : 'phone';
        return this.identityFailed(flow, requestId, phone, which);
      }
      return this.sendCode(flow, requestId, phone, 'first');
    });
  }

  async resendCode(key: FlowKey, requestId: string): Promise<ResetOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) => {
      const { state } = flow;
      const waited = this.now() - (state.codeSentAt ?? 0);
      const cooldown = this.deps.settings.codeResendSeconds * SECOND_MS;
      if (waited < cooldown) {
        const seconds = Math.ceil((cooldown - waited) / SECOND_MS);
        return { locale: state.locale, screen: codeScreen(state, this.codeMinutes(), { kind: 'cooldown', seconds }) };
      }
      const phone = await this.registeredPhone(flow, requestId);
      if (typeof phone !== 'string') return phone;
      return this.sendCode(flow, requestId, phone, 'resend');
    });
  }

  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<ResetOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) => {
      const { state } = flow;
      const code = normaliseTypedCode(typed);
      if (!code) {
        return { locale: state.locale, screen: codeScreen(state, this.codeMinutes(), undefined, { kind: 'format' }) };
      }
      if (!state.codeHash || !state.codeExpiresAt || this.now() > state.codeExpiresAt) {
        return this.end(flow, 'code-expired', requestId);
      }
      if (await this.wrongAnswersUsedUp(state)) return this.end(flow, 'rate-limited', requestId);
      const subjects = this.limitSubjects(state);
      if (!codeMatches(this.deps.secretKey, state.flowId, code, state.codeHash)) {
        const failures = state.codeFailures + 1;
        await this.deps.limiter.record(this.deps.limits.wrongAnswer, subjects);
        await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-failed',
          subject: state.phoneAccountDn, result: 'refused', detail: { failures }, requestId });
        if (failures >= this.deps.settings.codeMaxAttempts) {
          return this.end(flow, 'too-many-code-attempts', requestId);
        }
        const next = { ...state, codeFailures: failures };
        if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
        const attemptsLeft = this.deps.settings.codeMaxAttempts - failures;
        return { locale: state.locale, screen: codeScreen(next, this.codeMinutes(), undefined, { kind: 'wrong', attemptsLeft }) };
      }
      const next: ResetState = { ...state, step: 'new-password', codeHash: null };
      if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-verified',
        subject: state.phoneAccountDn, result: 'ok', requestId });
      return { locale: state.locale, screen: this.newPasswordScreen(next) };
    });
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

  private async identityFailed(
    flow: LoadedFlow<ResetState>,
    requestId: string,
    phone: string,
    which: 'challenge' | 'phone' | 'both',
  ): Promise<ResetOutcome> {
    const { state } = flow;
    const failures = state.identityFailures + 1;
    await this.deps.limiter.record(this.deps.limits.wrongAnswer, { ...this.limitSubjects(state), phone });
    await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.identity-failed',
      subject: state.phoneAccountDn, result: 'refused', detail: { which, failures }, requestId });
    if (failures >= this.deps.settings.identityMaxAttempts) {
      return this.end(flow, 'too-many-identity-attempts', requestId);
    }
    // Every wrong answer gets a new question and the same words, so the screen never tells
    // whether the digits or the result were wrong (only the audit trail knows).
    const challenge = state.challengeQuestion !== null ? newArithmeticChallenge() : null;
    const next: ResetState = {
      ...state,
      identityFailures: failures,
      challengeQuestion: challenge?.question ?? null,
      challengeAnswer: challenge?.answer ?? null,
    };
    if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
    return { locale: state.locale, screen: identityScreen(next, { wrongAnswer: true }) };
  }

  /**
   * Stores the new code's hash before the SMS leaves, so two racing submissions cannot both
   * send, and a failed send ends the flow rather than leaving a code nobody received.
   */
  private async sendCode(
    flow: LoadedFlow<ResetState>,
    requestId: string,
    phone: string,
    kind: 'first' | 'resend',
  ): Promise<ResetOutcome> {
    const { state } = flow;
    const destination = this.deps.smsDestinations.check(phone);
    if (!destination.allowed) {
      // Never handed to Twilio: a number outside SMS_ALLOWED_COUNTRIES (or of no known country).
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.sms-destination-refused',
        subject: state.phoneAccountDn, result: 'refused',
        detail: { phone: maskPhone(phone), country: destination.country ?? 'unknown' }, requestId });
      return this.end(flow, 'sms-country-not-allowed', requestId);
    }
    const subjects = { ...this.limitSubjects(state), phone };
    // Counted before the code is stored: two racing submissions cannot both pass the limit.
    if (!(await this.deps.limiter.consume(this.deps.limits.sms, subjects))) return this.end(flow, 'rate-limited', requestId);

    const code = generateCode();
    const now = this.now();
    const next: ResetState = {
      ...state,
      step: 'code',
      codeHash: hashCode(this.deps.secretKey, state.flowId, code),
      codeSentAt: now,
      codeExpiresAt: now + this.codeMinutes() * MINUTE_MS,
      phoneEnding: phone.replace(/\D/g, '').slice(-2),
    };
    if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);

    const body = messagesFor(state.locale).passwordReset.smsBody(code, this.codeMinutes());
    try {
      const { messageId } = await this.deps.sms.send(phone, body);
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-sent',
        subject: state.phoneAccountDn, result: 'ok',
        detail: { phone: maskPhone(phone), messageSid: messageId, kind }, requestId });
    } catch (error) {
      this.deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'SMS not sent');
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-sent',
        subject: state.phoneAccountDn, result: 'failed', detail: { phone: maskPhone(phone), kind }, requestId });
      const sent = await this.deps.flows.load(flow.key, this.deps.clock.now());
      if (sent.status === 'found') return this.end(sent.flow, 'sms-failed', requestId);
      return endedOutcome(state.locale, 'sms-failed');
    }
    const notice = kind === 'resend' ? { kind: 'resent' as const } : undefined;
    return { locale: state.locale, screen: codeScreen(next, this.codeMinutes(), notice) };
  }

  /**
   * The phone as the directory has it now: never kept in the store, re-read whenever needed.
   * When it cannot be had, the flow ends and the outcome says why.
   */
  private async registeredPhone(flow: LoadedFlow<ResetState>, requestId: string): Promise<string | ResetOutcome> {
    let phone: string | undefined;
    try {
      phone = (await this.deps.directory.getAccount(flow.state.phoneAccountDn))?.phone;
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'directory call failed');
      return this.end(flow, 'directory-unavailable', requestId);
    }
    return phone ?? this.end(flow, 'no-phone', requestId);
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

  /**
   * Checked at every answer, before it is weighed: the person's and the accounts' wrong answers
   * across all their flows, so that modals opened in advance do not multiply the allowance.
   */
  private async wrongAnswersUsedUp(state: ResetState, phone?: string): Promise<boolean> {
    return this.deps.limiter.isExhausted(this.deps.limits.wrongAnswer, { ...this.limitSubjects(state), phone });
  }

  private limitSubjects(state: ResetState) {
    return { slackUser: slackActor(state), accounts: state.accounts.map((a) => a.dn) };
  }

  private codeMinutes(): number {
    return Math.min(this.deps.settings.codeTtlMinutes, MAX_CODE_TTL_MINUTES);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
