import { slackActor } from '../../../audit/actor';
import type { AuditTrail } from '../../../audit/audit-trail';
import type { Clock } from '../../../clock/clock';
import { MINUTE_MS, SECOND_MS } from '../../../clock/durations';
import { type Config, type Locale, MAX_CODE_TTL_MINUTES } from '../../../config';
import type { Directory } from '../../../directory/directory';
import type { Logger } from '../../../log/logger';
import { maskPhone } from '../../../log/mask';
import type { LimitRule } from '../../../regulation/limit-rule';
import type { Limiter, LimitSubjects } from '../../../regulation/limiter';
import type { SmsDestinations } from '../../../sms/sms-destinations';
import type { SmsSender } from '../../../sms/sms-sender';
import { newArithmeticChallenge, parseChallengeAnswer } from '../arithmetic-challenge';
import type { FlowRepository, LoadedFlow } from '../flow-repository';
import type { StepState } from '../load-for-step';
import { logDirectoryError } from '../log-directory-error';
import { codeMatches, generateCode, hashCode, normaliseTypedCode } from '../one-time-code';
import type { CodeScreen, IdentityErrors, IdentityScreen, VerificationEndReason, VerificationSubject } from './verification-screens';
import type { VerificationFields } from './verification-state';

/** A journey state that carries an identity check and an SMS code, at steps 'identity' and 'code'. */
export type VerifiableState = StepState & VerificationFields;

export interface SmsVerificationDeps {
  directory: Directory;
  sms: SmsSender;
  /** Where a code may be sent (`SMS_ALLOWED_COUNTRIES`). */
  smsDestinations: SmsDestinations;
  limiter: Limiter;
  limits: { sms: LimitRule; wrongAnswer: LimitRule };
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  settings: Config['reset'];
  secretKey: string;
}

/** What one journey tells the verification about itself. */
export interface VerificationOwner<S extends VerifiableState> {
  flows: FlowRepository<S>;
  /** `password-reset` gives audit actions `password-reset.code-sent`, ... */
  auditPrefix: string;
  /** Who wrong answers and SMS sends are counted against (the phone is added). */
  limitSubjects(state: S): LimitSubjects;
  /** The accounts and the phone's owner, as the screens name them. */
  subject(state: S): VerificationSubject;
  /** The step the flow moves to once the code is right. */
  nextStep: S['step'];
  /** The SMS text, in the person's language: the only place a code is written out. */
  smsBody(locale: Locale, code: string, minutes: number): string;
}

/** What a verification step decided; the journey turns it into its own outcome. */
export type VerificationResult<S> =
  | { kind: 'screen'; screen: IdentityScreen | CodeScreen }
  /** Stop the flow: the journey ends `flow` (saved and audited) or, without one, only says why. */
  | { kind: 'end'; reason: VerificationEndReason; flow?: LoadedFlow<S> }
  /** Another submission changed the flow first. */
  | { kind: 'in-progress' }
  /** The code was right: the flow is saved at `nextStep`, without the code. */
  | { kind: 'verified'; state: S };

/**
 * Steps I and II of every journey that proves a person by their phone (the Polish procedure):
 * the last 3 digits of the registered phone and a simple sum, then a 6-digit SMS code, stored
 * only as a keyed hash bound to the flow, at most 10 minutes, single use, limited tries, a
 * resend that never resets the failure count. Wrong answers are limited across flows.
 */
export class SmsVerification<S extends VerifiableState> {
  constructor(
    private readonly deps: SmsVerificationDeps,
    private readonly owner: VerificationOwner<S>,
  ) {}

  /** The first screen of a new flow. */
  identityScreen(state: S, errors?: IdentityErrors): IdentityScreen {
    return { step: 'identity', phoneOwnerMail: this.owner.subject(state).phoneOwnerMail, challenge: state.challengeQuestion, errors };
  }

  /** The flow must be at 'identity'. */
  async confirmIdentity(
    flow: LoadedFlow<S>,
    requestId: string,
    answers: { phoneDigits: string; challengeAnswer?: string },
  ): Promise<VerificationResult<S>> {
    const { state } = flow;
    const digits = answers.phoneDigits.trim();
    if (!/^\d{3}$/.test(digits)) return { kind: 'screen', screen: this.identityScreen(state, { phoneDigits: 'format' }) };
    const phone = await this.registeredPhone(flow, requestId);
    if (typeof phone !== 'string') return phone;
    if (await this.wrongAnswersUsedUp(state, phone)) return { kind: 'end', reason: 'rate-limited', flow };

    const challengeWrong =
      state.challengeAnswer !== null && parseChallengeAnswer(answers.challengeAnswer ?? '') !== state.challengeAnswer;
    const phoneWrong = !phone.replace(/\D/g, '').endsWith(digits);
    if (challengeWrong || phoneWrong) {
      return this.identityFailed(flow, requestId, phone, challengeWrong && phoneWrong ? 'both' : challengeWrong ? 'challenge' : 'phone');
    }
    return this.sendCode(flow, requestId, phone, 'first');
  }

  /** The flow must be at 'code'. */
  async resendCode(flow: LoadedFlow<S>, requestId: string): Promise<VerificationResult<S>> {
    const { state } = flow;
    const waited = this.now() - (state.codeSentAt ?? 0);
    const cooldown = this.deps.settings.codeResendSeconds * SECOND_MS;
    if (waited < cooldown) {
      const seconds = Math.ceil((cooldown - waited) / SECOND_MS);
      return { kind: 'screen', screen: this.codeScreen(state, { kind: 'cooldown', seconds }) };
    }
    const phone = await this.registeredPhone(flow, requestId);
    if (typeof phone !== 'string') return phone;
    return this.sendCode(flow, requestId, phone, 'resend');
  }

  /** The flow must be at 'code'. */
  async verifyCode(flow: LoadedFlow<S>, requestId: string, typed: string): Promise<VerificationResult<S>> {
    const { state } = flow;
    const { settings, limiter, limits, audit } = this.deps;
    const code = normaliseTypedCode(typed);
    if (!code) return { kind: 'screen', screen: this.codeScreen(state, undefined, { kind: 'format' }) };
    if (!state.codeHash || !state.codeExpiresAt || this.now() > state.codeExpiresAt) {
      return { kind: 'end', reason: 'code-expired', flow };
    }
    if (await this.wrongAnswersUsedUp(state)) return { kind: 'end', reason: 'rate-limited', flow };
    if (!codeMatches(this.deps.secretKey, state.flowId, code, state.codeHash)) {
      const failures = state.codeFailures + 1;
      await limiter.record(limits.wrongAnswer, this.owner.limitSubjects(state));
      await audit.record({ actor: slackActor(state), action: `${this.owner.auditPrefix}.code-failed`,
        subject: state.phoneAccountDn, result: 'refused', detail: { failures }, requestId });
      if (failures >= settings.codeMaxAttempts) return { kind: 'end', reason: 'too-many-code-attempts', flow };
      const next: S = { ...state, codeFailures: failures };
      if (!(await this.owner.flows.save(flow.key, flow.version, next))) return { kind: 'in-progress' };
      const attemptsLeft = settings.codeMaxAttempts - failures;
      return { kind: 'screen', screen: this.codeScreen(next, undefined, { kind: 'wrong', attemptsLeft }) };
    }
    const next: S = { ...state, step: this.owner.nextStep, codeHash: null };
    if (!(await this.owner.flows.save(flow.key, flow.version, next))) return { kind: 'in-progress' };
    await audit.record({ actor: slackActor(state), action: `${this.owner.auditPrefix}.code-verified`,
      subject: state.phoneAccountDn, result: 'ok', requestId });
    return { kind: 'verified', state: next };
  }

  private codeScreen(state: S, notice?: CodeScreen['notice'], error?: CodeScreen['error']): CodeScreen {
    const { accounts, skipped, phoneOwner } = this.owner.subject(state);
    return { step: 'code', accounts, skipped, phoneEnding: state.phoneEnding ?? '', phoneOwner, minutes: this.codeMinutes(), notice, error };
  }

  private async identityFailed(
    flow: LoadedFlow<S>,
    requestId: string,
    phone: string,
    which: 'challenge' | 'phone' | 'both',
  ): Promise<VerificationResult<S>> {
    const { state } = flow;
    const failures = state.identityFailures + 1;
    await this.deps.limiter.record(this.deps.limits.wrongAnswer, { ...this.owner.limitSubjects(state), phone });
    await this.deps.audit.record({ actor: slackActor(state), action: `${this.owner.auditPrefix}.identity-failed`,
      subject: state.phoneAccountDn, result: 'refused', detail: { which, failures }, requestId });
    if (failures >= this.deps.settings.identityMaxAttempts) return { kind: 'end', reason: 'too-many-identity-attempts', flow };
    // Every wrong answer gets a new question and the same words, so the screen never tells
    // whether the digits or the result were wrong (only the audit trail knows).
    const challenge = state.challengeQuestion !== null ? newArithmeticChallenge() : null;
    const next: S = {
      ...state,
      identityFailures: failures,
      challengeQuestion: challenge?.question ?? null,
      challengeAnswer: challenge?.answer ?? null,
    };
    if (!(await this.owner.flows.save(flow.key, flow.version, next))) return { kind: 'in-progress' };
    return { kind: 'screen', screen: this.identityScreen(next, { wrongAnswer: true }) };
  }

  /**
   * Stores the new code's hash before the SMS leaves, so two racing submissions cannot both
   * send, and a failed send ends the flow rather than leaving a code nobody received.
   */
  private async sendCode(
    flow: LoadedFlow<S>,
    requestId: string,
    phone: string,
    kind: 'first' | 'resend',
  ): Promise<VerificationResult<S>> {
    const { state } = flow;
    const auditAs = { actor: slackActor(state), subject: state.phoneAccountDn, requestId };
    const destination = this.deps.smsDestinations.check(phone);
    if (!destination.allowed) {
      // Never handed to Twilio: a number outside SMS_ALLOWED_COUNTRIES (or of no known country).
      await this.deps.audit.record({ ...auditAs, action: `${this.owner.auditPrefix}.sms-destination-refused`, result: 'refused',
        detail: { phone: maskPhone(phone), country: destination.country ?? 'unknown' } });
      return { kind: 'end', reason: 'sms-country-not-allowed', flow };
    }
    const subjects = { ...this.owner.limitSubjects(state), phone };
    // Counted before the code is stored: two racing submissions cannot both pass the limit.
    if (!(await this.deps.limiter.consume(this.deps.limits.sms, subjects))) return { kind: 'end', reason: 'rate-limited', flow };

    const code = generateCode();
    const now = this.now();
    // Every journey with a verification has a 'code' step, which TS cannot see through S.
    const next = {
      ...state,
      step: 'code',
      codeHash: hashCode(this.deps.secretKey, state.flowId, code),
      codeSentAt: now,
      codeExpiresAt: now + this.codeMinutes() * MINUTE_MS,
      phoneEnding: phone.replace(/\D/g, '').slice(-2),
    } as S;
    if (!(await this.owner.flows.save(flow.key, flow.version, next))) return { kind: 'in-progress' };

    const action = `${this.owner.auditPrefix}.code-sent`;
    try {
      const { messageId } = await this.deps.sms.send(phone, this.owner.smsBody(state.locale, code, this.codeMinutes()));
      await this.deps.audit.record({ ...auditAs, action, result: 'ok', detail: { phone: maskPhone(phone), messageSid: messageId, kind } });
    } catch (error) {
      this.deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'SMS not sent');
      await this.deps.audit.record({ ...auditAs, action, result: 'failed', detail: { phone: maskPhone(phone), kind } });
      const sent = await this.owner.flows.load(flow.key, this.deps.clock.now());
      return { kind: 'end', reason: 'sms-failed', flow: sent.status === 'found' ? sent.flow : undefined };
    }
    const notice = kind === 'resend' ? { kind: 'resent' as const } : undefined;
    return { kind: 'screen', screen: this.codeScreen(next, notice) };
  }

  /** The phone as the directory has it now: never kept in the store, re-read whenever needed. */
  private async registeredPhone(flow: LoadedFlow<S>, requestId: string): Promise<string | VerificationResult<S>> {
    let phone: string | undefined;
    try {
      phone = (await this.deps.directory.getAccount(flow.state.phoneAccountDn))?.phone;
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'directory call failed');
      return { kind: 'end', reason: 'directory-unavailable', flow };
    }
    return phone ?? { kind: 'end', reason: 'no-phone', flow };
  }

  /**
   * Checked at every answer, before it is weighed: the person's and the accounts' wrong answers
   * across all their flows, so that modals opened in advance do not multiply the allowance.
   */
  private async wrongAnswersUsedUp(state: S, phone?: string): Promise<boolean> {
    return this.deps.limiter.isExhausted(this.deps.limits.wrongAnswer, { ...this.owner.limitSubjects(state), phone });
  }

  private codeMinutes(): number {
    return Math.min(this.deps.settings.codeTtlMinutes, MAX_CODE_TTL_MINUTES);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
