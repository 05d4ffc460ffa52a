import { slackActor } from '../../audit/actor';
import { type Account, DirectoryError } from '../../directory/directory';
import { messagesFor } from '../../i18n';
import { maskPhone } from '../../log/mask';
import { newArithmeticChallenge, parseChallengeAnswer } from './arithmetic-challenge';
import { changeAccounts } from './change-accounts';
import type { LoadedFlow } from './flow-repository';
import type { FlowRef, PasswordResetDeps, Requester, ResetOutcome } from './journey-types';
import { codeMatches, generateCode, hashCode, normaliseTypedCode } from './one-time-code';
import { codeScreen, type EndReason, identityScreen, type ResetScreen } from './reset-screen';
import { newResetState, type ResetState } from './reset-state';

const MINUTE = 60_000;

/**
 * Forgot-password reset by SMS code (the Polish procedure, steps I–III): identity check,
 * one-time code, new password checked by the policy, changed on every linked account.
 * Each method is one step; each checks the flow is at that step, so none can be skipped.
 */
export class PasswordResetJourney {
  constructor(private readonly deps: PasswordResetDeps) {}

  async start(ref: FlowRef, requester: Requester): Promise<ResetOutcome> {
    const { directory, limiter, audit, clock, settings } = this.deps;
    const locale = requester.locale;
    const actor = slackActor(requester);
    const refuse = async (reason: EndReason, subject?: string): Promise<ResetOutcome> => {
      await audit.record({ actor, action: 'password-reset.refused', subject, result: 'refused',
        detail: { reason }, requestId: requester.requestId });
      return { locale, screen: { step: 'ended', reason } };
    };

    if (!requester.verifiedEmail) return refuse('no-verified-email');
    const user = { slackUser: actor };
    if ((await limiter.isExhausted('flow', user)) || (await limiter.isExhausted('wrong-answer', user))) {
      return refuse('rate-limited');
    }

    let found: Account[];
    try {
      found = await directory.findAccountsByMail(requester.verifiedEmail);
    } catch (error) {
      this.logDirectoryError(error, requester.requestId);
      return refuse('directory-unavailable');
    }
    if (found.length === 0) return refuse('no-account');
    const active = found.filter((account) => !account.disabled);
    if (active.length === 0) return refuse('account-disabled', found[0].dn);
    const phoneAccount = active.find((account) => account.phone);
    if (!phoneAccount?.phone) return refuse('no-phone', active[0].dn);

    const subjects = { ...user, accounts: active.map((a) => a.dn), phone: phoneAccount.phone };
    if ((await limiter.isExhausted('flow', subjects)) || (await limiter.isExhausted('wrong-answer', subjects))) {
      return refuse('rate-limited', phoneAccount.dn);
    }
    await limiter.record('flow', subjects);

    const now = clock.now().getTime();
    const challenge = settings.arithmeticChallenge ? newArithmeticChallenge() : null;
    const state = newResetState({
      ref,
      locale,
      expiresAt: now + settings.flowTtlMinutes * MINUTE,
      active,
      disabled: found.filter((a) => a.disabled),
      phoneAccountDn: phoneAccount.dn,
      challenge,
    });
    await this.deps.flows.create(ref, state);
    await audit.record({ actor, action: 'password-reset.started', subject: phoneAccount.dn, result: 'ok',
      detail: { accounts: state.accounts.length }, requestId: requester.requestId });
    return { locale, screen: identityScreen(state) };
  }

  async confirmIdentity(
    ref: FlowRef,
    requestId: string,
    answers: { phoneDigits: string; challengeAnswer?: string },
  ): Promise<ResetOutcome> {
    return this.atStep(ref, 'identity', async (flow) => {
      const { state } = flow;
      const digits = answers.phoneDigits.trim();
      if (!/^\d{3}$/.test(digits)) {
        return { locale: state.locale, screen: identityScreen(state, { phoneDigits: 'format' }) };
      }
      const phone = await this.registeredPhone(flow, requestId);
      if (typeof phone !== 'string') return phone;

      const challengeWrong =
        state.challengeAnswer !== null &&
        parseChallengeAnswer(answers.challengeAnswer ?? '') !== state.challengeAnswer;
      const phoneWrong = !challengeWrong && !phone.replace(/\D/g, '').endsWith(digits);
      if (challengeWrong || phoneWrong) {
        return this.identityFailed(flow, requestId, phone, challengeWrong ? 'challenge' : 'phone');
      }
      return this.sendCode(flow, requestId, phone, 'first');
    });
  }

  async resendCode(ref: FlowRef, requestId: string): Promise<ResetOutcome> {
    return this.atStep(ref, 'code', async (flow) => {
      const { state } = flow;
      const waited = this.now() - (state.codeSentAt ?? 0);
      const cooldown = this.deps.settings.codeResendSeconds * 1000;
      if (waited < cooldown) {
        const seconds = Math.ceil((cooldown - waited) / 1000);
        return { locale: state.locale, screen: codeScreen(state, this.codeMinutes(), { kind: 'cooldown', seconds }) };
      }
      const phone = await this.registeredPhone(flow, requestId);
      if (typeof phone !== 'string') return phone;
      return this.sendCode(flow, requestId, phone, 'resend');
    });
  }

  async verifyCode(ref: FlowRef, requestId: string, typed: string): Promise<ResetOutcome> {
    return this.atStep(ref, 'code', async (flow) => {
      const { state } = flow;
      const code = normaliseTypedCode(typed);
      if (!code) {
        return { locale: state.locale, screen: codeScreen(state, this.codeMinutes(), undefined, { kind: 'format' }) };
      }
      if (!state.codeHash || !state.codeExpiresAt || this.now() > state.codeExpiresAt) {
        return this.end(flow, 'code-expired', requestId);
      }
      const subjects = this.limitSubjects(state);
      if (!codeMatches(this.deps.secretKey, state.flowId, code, state.codeHash)) {
        const failures = state.codeFailures + 1;
        await this.deps.limiter.record('wrong-answer', subjects);
        await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-failed',
          subject: state.phoneAccountDn, result: 'refused', detail: { failures }, requestId });
        if (failures >= this.deps.settings.codeMaxAttempts) {
          return this.end(flow, 'too-many-code-attempts', requestId);
        }
        const next = { ...state, codeFailures: failures };
        if (!(await this.deps.flows.save(ref, flow.version, next))) return this.inProgress(state);
        const attemptsLeft = this.deps.settings.codeMaxAttempts - failures;
        return { locale: state.locale, screen: codeScreen(next, this.codeMinutes(), undefined, { kind: 'wrong', attemptsLeft }) };
      }
      const next: ResetState = { ...state, step: 'new-password', codeHash: null };
      if (!(await this.deps.flows.save(ref, flow.version, next))) return this.inProgress(state);
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-verified',
        subject: state.phoneAccountDn, result: 'ok', requestId });
      return { locale: state.locale, screen: this.newPasswordScreen(next) };
    });
  }

  async setNewPassword(
    ref: FlowRef,
    requestId: string,
    typed: { password: string; confirmation: string },
  ): Promise<ResetOutcome> {
    return this.atStep(ref, 'new-password', async (flow) =>
      changeAccounts(
        { ...this.deps, end: (reason) => this.end(flow, reason, requestId) },
        flow,
        ref,
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
    flow: LoadedFlow,
    requestId: string,
    phone: string,
    which: 'challenge' | 'phone',
  ): Promise<ResetOutcome> {
    const { state } = flow;
    const failures = state.identityFailures + 1;
    await this.deps.limiter.record('wrong-answer', { ...this.limitSubjects(state), phone });
    await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.identity-failed',
      subject: state.phoneAccountDn, result: 'refused', detail: { which, failures }, requestId });
    if (failures >= this.deps.settings.identityMaxAttempts) {
      return this.end(flow, 'too-many-identity-attempts', requestId);
    }
    // A wrong result gets a new question; a wrong phone keeps it (the modal shows it unchanged).
    const challenge = which === 'challenge' ? newArithmeticChallenge() : null;
    const next: ResetState = {
      ...state,
      identityFailures: failures,
      challengeQuestion: challenge?.question ?? state.challengeQuestion,
      challengeAnswer: challenge?.answer ?? state.challengeAnswer,
    };
    if (!(await this.deps.flows.save(flowRefOf(state, flow), flow.version, next))) return this.inProgress(state);
    const errors = which === 'challenge' ? { challenge: 'wrong' as const } : { phoneDigits: 'wrong' as const };
    return { locale: state.locale, screen: identityScreen(next, errors) };
  }

  /**
   * Stores the new code's hash before the SMS leaves, so two racing submissions cannot both
   * send, and a failed send ends the flow rather than leaving a code nobody received.
   */
  private async sendCode(
    flow: LoadedFlow,
    requestId: string,
    phone: string,
    kind: 'first' | 'resend',
  ): Promise<ResetOutcome> {
    const { state } = flow;
    const subjects = { ...this.limitSubjects(state), phone };
    if (await this.deps.limiter.isExhausted('sms', subjects)) return this.end(flow, 'rate-limited', requestId);

    const code = generateCode();
    const now = this.now();
    const next: ResetState = {
      ...state,
      step: 'code',
      codeHash: hashCode(this.deps.secretKey, state.flowId, code),
      codeSentAt: now,
      codeExpiresAt: now + this.codeMinutes() * MINUTE,
      phoneEnding: phone.replace(/\D/g, '').slice(-2),
    };
    const ref = flowRefOf(state, flow);
    if (!(await this.deps.flows.save(ref, flow.version, next))) return this.inProgress(state);
    await this.deps.limiter.record('sms', subjects);

    const body = messagesFor(state.locale).smsBody(code, this.codeMinutes());
    try {
      const { messageId } = await this.deps.sms.send(phone, body);
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-sent',
        subject: state.phoneAccountDn, result: 'ok',
        detail: { phone: maskPhone(phone), messageSid: messageId, kind }, requestId });
    } catch (error) {
      this.deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'SMS not sent');
      await this.deps.audit.record({ actor: slackActor(state), action: 'password-reset.code-sent',
        subject: state.phoneAccountDn, result: 'failed', detail: { phone: maskPhone(phone), kind }, requestId });
      const sent = await this.deps.flows.load(ref, this.clockNow());
      if (sent) return this.end(sent, 'sms-failed', requestId);
      return { locale: state.locale, screen: { step: 'ended', reason: 'sms-failed' } };
    }
    const notice = kind === 'resend' ? { kind: 'resent' as const } : undefined;
    return { locale: state.locale, screen: codeScreen(next, this.codeMinutes(), notice) };
  }

  /**
   * The phone as the directory has it now: never kept in the store, re-read whenever needed.
   * When it cannot be had, the flow ends and the outcome says why.
   */
  private async registeredPhone(flow: LoadedFlow, requestId: string): Promise<string | ResetOutcome> {
    let phone: string | undefined;
    try {
      phone = (await this.deps.directory.getAccount(flow.state.phoneAccountDn))?.phone;
    } catch (error) {
      this.logDirectoryError(error, requestId);
      return this.end(flow, 'directory-unavailable', requestId);
    }
    return phone ?? this.end(flow, 'no-phone', requestId);
  }

  /** Loads the flow and runs `work` only if it is at `step`; anything else ends politely. */
  private async atStep(
    ref: FlowRef,
    step: ResetState['step'],
    work: (flow: LoadedFlow) => Promise<ResetOutcome>,
  ): Promise<ResetOutcome> {
    const flow = await this.deps.flows.load(ref, this.clockNow());
    if (!flow) return { locale: 'en', screen: { step: 'ended', reason: 'flow-expired' } };
    if (flow.state.step !== step) {
      if (flow.state.step === 'ended' || flow.state.step === 'done') {
        return { locale: flow.state.locale, screen: { step: 'ended', reason: 'flow-expired' } };
      }
      // A submission for a step the flow is not at: someone replayed or skipped. End it.
      return this.end(flow, 'flow-expired', 'step-mismatch');
    }
    return work(flow);
  }

  private async end(flow: LoadedFlow, reason: EndReason, requestId: string): Promise<ResetOutcome> {
    const { state } = flow;
    const ended: ResetState = { ...state, step: 'ended', codeHash: null, passwordFingerprint: null };
    await this.deps.flows.save(flowRefOf(state, flow), flow.version, ended);
    const locked = reason === 'too-many-code-attempts' || reason === 'too-many-identity-attempts';
    await this.deps.audit.record({
      actor: slackActor(state),
      action: locked ? 'password-reset.locked' : 'password-reset.ended',
      subject: state.phoneAccountDn,
      result: locked ? 'refused' : 'failed',
      detail: { reason },
      requestId,
    });
    return { locale: state.locale, screen: { step: 'ended', reason } };
  }

  private inProgress(state: ResetState): ResetOutcome {
    return { locale: state.locale, screen: { step: 'ended', reason: 'already-in-progress' } };
  }

  private limitSubjects(state: ResetState) {
    return { slackUser: slackActor(state), accounts: state.accounts.map((a) => a.dn) };
  }

  private codeMinutes(): number {
    return Math.min(this.deps.settings.codeTtlMinutes, 10);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private clockNow(): Date {
    return this.deps.clock.now();
  }

  private logDirectoryError(error: unknown, requestId: string): void {
    const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
    const message = error instanceof Error ? error.message : 'unknown';
    this.deps.logger.error({ requestId, failure, err: message }, 'directory call failed');
  }
}

function flowRefOf(state: ResetState, flow: LoadedFlow): FlowRef {
  return { teamId: state.teamId, userId: state.userId, viewId: flow.viewId };
}
