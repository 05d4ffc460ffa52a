import { slackActor } from '../../audit/actor';
import { messagesFor } from '../../i18n';
import { maskPhone } from '../../log/mask';
import type { FlowKey, LoadedFlow } from '../shared/flow-repository';
import { loadForStep } from '../shared/load-for-step';
import { logDirectoryError } from '../shared/log-directory-error';
import { codeMatches, generateCode, hashCode, normaliseTypedCode } from '../shared/one-time-code';
import { endedOutcome } from '../shared/outcome';
import { findPerson } from './find-person';
import { issuePassword } from './issue-password';
import type { Operator, PersonQuery, TemporaryPasswordDeps } from './journey-types';
import { type ChoiceInput, readChoice } from './read-choice';
import {
  accountRows, type ChooseScreen, chooseScreen, describeAccount, type TemporaryPasswordEndReason, type TemporaryPasswordOutcome,
} from './temporary-password-screen';
import { type Choice, isSelectable, newTemporaryPasswordState, type TemporaryPasswordState } from './temporary-password-state';

const MINUTE = 60_000;

/**
 * The help desk issues a temporary password (the Italian procedure: the operator releases a
 * password to be changed at first access): an authorised operator finds the person, verifies
 * the caller (in person, call-back, or an SMS code read back), and passdesk sets a generated
 * password as "must change" on the chosen accounts and delivers it as the operator chose.
 * Each method is one step of the modal; none can be skipped or repeated.
 */
export class TemporaryPasswordJourney {
  constructor(private readonly deps: TemporaryPasswordDeps) {}

  async start(key: FlowKey, operator: Operator, query: PersonQuery = {}): Promise<TemporaryPasswordOutcome> {
    const { audit, operators, clock, settings } = this.deps;
    const actor = slackActor(operator);
    const refuse = async (reason: TemporaryPasswordEndReason): Promise<TemporaryPasswordOutcome> => {
      await audit.record({ actor, action: 'temporary-password.refused', result: 'refused', detail: { reason },
        requestId: operator.requestId });
      if (reason === 'not-operator') await this.postRefusal(operator.userId, [], reason, operator.requestId);
      return endedOutcome(operator.locale, reason);
    };

    const check = await operators.check(operator.userId).catch((error: unknown) => {
      this.deps.logger.warn({ requestId: operator.requestId, err: error instanceof Error ? error.message : 'unknown' },
        'could not read the help-desk user group');
      return undefined;
    });
    if (!check) return refuse('operator-check-failed');
    if (check.kind === 'help-desk-off') return refuse('help-desk-off');
    if (check.kind === 'not-operator') return refuse('not-operator');

    const state = newTemporaryPasswordState({
      teamId: key.teamId,
      userId: key.userId,
      operatorName: operator.name,
      locale: operator.locale,
      expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE,
    });
    await this.deps.flows.create(key, state);
    await audit.record({ actor, action: 'temporary-password.started', result: 'ok', detail: { via: check.via },
      requestId: operator.requestId });
    if (!query.slackUserId && !query.text?.trim()) return { locale: state.locale, screen: { step: 'find' } };
    return this.find(key, operator.requestId, query);
  }

  async find(key: FlowKey, requestId: string, query: PersonQuery): Promise<TemporaryPasswordOutcome> {
    return this.atStep(key, 'find', async (flow) => {
      const { state } = flow;
      let found;
      try {
        found = await findPerson({ ...this.deps, protectedGroups: this.deps.settings.protectedGroups }, query);
      } catch (error) {
        logDirectoryError(this.deps.logger, error, requestId, 'directory call failed');
        return this.end(flow, 'directory-unavailable', requestId);
      }
      if (found.kind !== 'found') return { locale: state.locale, screen: { step: 'find', error: found } };

      const actor = slackActor(state);
      for (const candidate of found.candidates.filter((c) => !isSelectable(c))) {
        await this.deps.audit.record({ actor, action: 'temporary-password.refused', subject: candidate.dn, result: 'refused',
          detail: { reason: candidate.disabled ? 'disabled' : `protected:${candidate.protection?.reason}` }, requestId });
      }
      const selectable = found.candidates.filter(isSelectable);
      const next: TemporaryPasswordState = {
        ...state,
        step: selectable.length > 0 ? 'choose' : 'ended',
        candidates: found.candidates,
        personSlackUserId: found.personSlackUserId,
      };
      if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
      if (selectable.length === 0) {
        const protectedOnes = found.candidates.some((c) => c.protection !== null);
        await this.postRefusal(state.userId, found.candidates.map(describeAccount), protectedOnes ? 'protected' : 'disabled', requestId);
        return { locale: state.locale, screen: { step: 'refused', rows: accountRows(found.candidates) } };
      }
      return { locale: state.locale, screen: chooseScreen(next.candidates, next.personSlackUserId) };
    });
  }

  async choose(key: FlowKey, requestId: string, input: ChoiceInput): Promise<TemporaryPasswordOutcome> {
    return this.atStep(key, 'choose', async (flow) => {
      const { state } = flow;
      const read = readChoice(state, input);
      if (read.kind === 'errors') {
        return { locale: state.locale, screen: chooseScreen(state.candidates, state.personSlackUserId, read.errors) };
      }
      const { choice, phoneAccountDn } = read;
      const actor = slackActor(state);
      const smsRefused = await this.smsRefusedFields(flow, choice, phoneAccountDn, requestId);
      if (smsRefused) {
        return { locale: state.locale, screen: chooseScreen(state.candidates, state.personSlackUserId, smsRefused) };
      }
      if (await this.deps.limiter.isExhausted(this.deps.limits.perOperator, { slackUser: actor })) {
        return this.end(flow, 'rate-limited-operator', requestId);
      }
      if (await this.deps.limiter.isExhausted(this.deps.limits.perTarget, { accounts: choice.dns })) {
        return this.end(flow, 'rate-limited-target', requestId);
      }
      const chosen: LoadedFlow<TemporaryPasswordState> = { ...flow, state: { ...state, choice, phoneAccountDn } };
      switch (choice.verification) {
        case 'in-person':
          return issuePassword(this.deps, chosen, requestId, (f, reason, id) => this.end(f, reason, id));
        case 'call-back':
          return this.askForCallBack(chosen, requestId);
        case 'sms-code':
          return this.sendCode(chosen, requestId);
      }
    });
  }

  /** The operator called the registered number back and the person confirmed. */
  async confirmCallBack(key: FlowKey, requestId: string): Promise<TemporaryPasswordOutcome> {
    return this.atStep(key, 'call-back', (flow) =>
      issuePassword(this.deps, flow, requestId, (f, reason, id) => this.end(f, reason, id)));
  }

  /** The code the caller read back, checked like `/password`'s: keyed hash, lifetime, limited tries. */
  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<TemporaryPasswordOutcome> {
    return this.atStep(key, 'code', async (flow) => {
      const { state } = flow;
      const code = normaliseTypedCode(typed);
      if (!code) return { locale: state.locale, screen: this.codeScreen(state, { kind: 'format' }) };
      if (!state.codeHash || !state.codeExpiresAt || this.now() > state.codeExpiresAt) {
        return this.end(flow, 'code-expired', requestId);
      }
      if (!codeMatches(this.deps.secretKey, state.flowId, code, state.codeHash)) {
        const failures = state.codeFailures + 1;
        await this.deps.limiter.record(this.deps.limits.wrongAnswer, { accounts: state.choice?.dns ?? [] });
        await this.deps.audit.record({ actor: slackActor(state), action: 'temporary-password.code-failed',
          subject: state.phoneAccountDn ?? undefined, result: 'refused', detail: { failures }, requestId });
        if (failures >= this.deps.settings.codeMaxAttempts) return this.end(flow, 'too-many-code-attempts', requestId);
        const next = { ...state, codeFailures: failures };
        if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
        const attemptsLeft = this.deps.settings.codeMaxAttempts - failures;
        return { locale: state.locale, screen: this.codeScreen(next, { kind: 'wrong', attemptsLeft }) };
      }
      await this.deps.audit.record({ actor: slackActor(state), action: 'temporary-password.code-verified',
        subject: state.phoneAccountDn ?? undefined, result: 'ok', requestId });
      return issuePassword(this.deps, flow, requestId, (f, reason, id) => this.end(f, reason, id));
    });
  }

  /**
   * When the code or the password is to go by SMS: the registered phone must be in
   * SMS_ALLOWED_COUNTRIES (against SMS pumping), checked before anything is sent or set.
   */
  private async smsRefusedFields(
    flow: LoadedFlow<TemporaryPasswordState>,
    choice: Choice,
    phoneAccountDn: string | null,
    requestId: string,
  ): Promise<ChooseScreen['errors'] | undefined> {
    const fields: NonNullable<ChooseScreen['errors']> = {};
    if (choice.verification === 'sms-code') fields.verification = 'sms-country-not-allowed';
    if (choice.delivery === 'sms') fields.delivery = 'sms-country-not-allowed';
    if (Object.keys(fields).length === 0 || !phoneAccountDn) return undefined;
    const phone = (await this.deps.directory.getAccount(phoneAccountDn))?.phone;
    const destination = phone ? this.deps.smsDestinations.check(phone) : { allowed: true as const };
    if (destination.allowed || !phone) return undefined;
    await this.deps.audit.record({ actor: slackActor(flow.state), action: 'temporary-password.sms-destination-refused',
      subject: phoneAccountDn, result: 'refused', detail: { phone: maskPhone(phone), country: destination.country ?? 'unknown' }, requestId });
    return fields;
  }

  private async askForCallBack(flow: LoadedFlow<TemporaryPasswordState>, requestId: string): Promise<TemporaryPasswordOutcome> {
    const { state } = flow;
    const phone = await this.registeredPhone(flow, requestId);
    if (typeof phone !== 'string') return phone;
    const next: TemporaryPasswordState = { ...state, step: 'call-back' };
    if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
    const accounts = state.candidates.filter((c) => state.choice?.dns.includes(c.dn)).map((c) => c.username);
    return { locale: state.locale, screen: { step: 'call-back', phone, accounts } };
  }

  /** The code's hash is stored before the SMS leaves; a failed send ends the request. */
  private async sendCode(flow: LoadedFlow<TemporaryPasswordState>, requestId: string): Promise<TemporaryPasswordOutcome> {
    const { state } = flow;
    const phone = await this.registeredPhone(flow, requestId);
    if (typeof phone !== 'string') return phone;
    const subjects = { accounts: state.choice?.dns ?? [], phone };
    if (!(await this.deps.limiter.consume(this.deps.limits.sms, subjects))) return this.end(flow, 'rate-limited-sms', requestId);

    const code = generateCode();
    const next: TemporaryPasswordState = {
      ...state,
      step: 'code',
      codeHash: hashCode(this.deps.secretKey, state.flowId, code),
      codeExpiresAt: this.now() + this.codeMinutes() * MINUTE,
      phoneEnding: phone.replace(/\D/g, '').slice(-2),
    };
    if (!(await this.deps.flows.save(flow.key, flow.version, next))) return this.inProgress(state);
    const personLocale = (state.personSlackUserId
      ? (await this.deps.people.profile(state.personSlackUserId).catch(() => undefined))?.locale
      : undefined) ?? this.deps.settings.defaultLocale;
    const actor = slackActor(state);
    try {
      const { messageId } = await this.deps.sms.send(phone, messagesFor(personLocale).temporaryPassword.smsCode(code, this.codeMinutes()));
      await this.deps.audit.record({ actor, action: 'temporary-password.code-sent', subject: state.phoneAccountDn ?? undefined,
        result: 'ok', detail: { phone: maskPhone(phone), messageSid: messageId }, requestId });
    } catch (error) {
      this.deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'SMS not sent');
      await this.deps.audit.record({ actor, action: 'temporary-password.code-sent', subject: state.phoneAccountDn ?? undefined,
        result: 'failed', detail: { phone: maskPhone(phone) }, requestId });
      return this.end({ ...flow, state: next, version: flow.version + 1 }, 'sms-failed', requestId);
    }
    return { locale: state.locale, screen: this.codeScreen(next) };
  }

  /** The phone as the directory has it now (never stored); without one the request ends. */
  private async registeredPhone(flow: LoadedFlow<TemporaryPasswordState>, requestId: string): Promise<string | TemporaryPasswordOutcome> {
    const dn = flow.state.phoneAccountDn;
    try {
      const phone = dn ? (await this.deps.directory.getAccount(dn))?.phone : undefined;
      return phone ?? this.end(flow, 'accounts-changed', requestId);
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'directory call failed');
      return this.end(flow, 'directory-unavailable', requestId);
    }
  }

  private codeScreen(state: TemporaryPasswordState, error?: { kind: 'format' } | { kind: 'wrong'; attemptsLeft: number }) {
    return { step: 'code' as const, phoneEnding: state.phoneEnding ?? '', minutes: this.codeMinutes(), error };
  }

  private async atStep(
    key: FlowKey,
    step: TemporaryPasswordState['step'],
    work: (flow: LoadedFlow<TemporaryPasswordState>) => Promise<TemporaryPasswordOutcome>,
  ): Promise<TemporaryPasswordOutcome> {
    const { flows, clock, logger, settings } = this.deps;
    const loaded = await loadForStep(flows, key, step, clock.now(), logger, settings.defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') {
      // 'issuing' means another submission is setting the password right now.
      if (loaded.flow.state.step === 'issuing') return this.inProgress(loaded.flow.state);
      if (loaded.finished) return loaded.outcome;
      return this.end(loaded.flow, 'flow-expired', 'step-mismatch');
    }
    return work(loaded.flow);
  }

  /** Ends the request: nothing more can happen in it; audited, and refusals posted to the log channel. */
  private async end(
    flow: LoadedFlow<TemporaryPasswordState>,
    reason: TemporaryPasswordEndReason | 'flow-expired',
    requestId: string,
  ): Promise<TemporaryPasswordOutcome> {
    const { state } = flow;
    await this.deps.flows.save(flow.key, flow.version, { ...state, step: 'ended', codeHash: null });
    const refused = reason !== 'flow-expired' && reason !== 'directory-unavailable' && reason !== 'sms-failed' && reason !== 'set-failed';
    await this.deps.audit.record({ actor: slackActor(state), action: refused ? 'temporary-password.refused' : 'temporary-password.ended',
      subject: state.choice?.dns[0], result: refused ? 'refused' : 'failed', detail: { reason }, requestId });
    if (reason !== 'flow-expired') {
      const accounts = state.candidates.filter((c) => state.choice?.dns.includes(c.dn)).map(describeAccount);
      await this.postRefusal(state.userId, accounts, reason, requestId, state);
    }
    return endedOutcome(state.locale, reason);
  }

  private async postRefusal(
    operatorUserId: string,
    accounts: string[],
    reason: string,
    requestId: string,
    state?: TemporaryPasswordState,
  ): Promise<void> {
    await this.deps.helpdeskLog.post({
      kind: 'refused', operatorUserId, accounts, result: reason,
      verification: state?.choice?.verification, ticket: state?.choice?.ticket, delivery: state?.choice?.delivery,
    }).catch((error: unknown) => this.deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' },
      'help-desk log channel post failed'));
  }

  private inProgress(state: TemporaryPasswordState): TemporaryPasswordOutcome {
    return endedOutcome(state.locale, 'already-in-progress');
  }

  private codeMinutes(): number {
    return Math.min(this.deps.settings.codeTtlMinutes, 10);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
