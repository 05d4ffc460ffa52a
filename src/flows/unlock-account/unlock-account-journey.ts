import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import { MINUTE_MS } from '../../clock/durations';
import type { Config, Locale } from '../../config';
import { type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { Limiter } from '../../regulation/limiter';
import type { SmsDestinations } from '../../sms/sms-destinations';
import type { SmsSender } from '../../sms/sms-sender';
import { type AccountChoice, chooseAccounts } from '../shared/choose-accounts';
import type { FlowKey, FlowRepository, LoadedFlow } from '../shared/flow-repository';
import { loadForStep } from '../shared/load-for-step';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { SmsVerification, type VerificationResult } from '../shared/sms-verification/sms-verification';
import { accountsMayStart, personMayStart, type StartLimits } from '../shared/start-allowance';
import type { UnlockDoneScreen, UnlockEndReason, UnlockOutcome } from './unlock-screen';
import { newUnlockState, type UnlockState } from './unlock-state';

export interface UnlockAccountDeps {
  directory: Directory;
  flows: FlowRepository<UnlockState>;
  sms: SmsSender;
  smsDestinations: SmsDestinations;
  limiter: Limiter;
  /** The reset's rules (and counters): one SMS allowance per phone, whichever journey sends. */
  limits: StartLimits & { sms: StartLimits['flow'] };
  audit: AuditTrail;
  clock: Clock;
  logger: Logger;
  settings: Config['reset'];
  defaultLocale: Locale;
  secretKey: string;
  smsBody(locale: Locale, code: string, minutes: number): string;
}

/**
 * "My account is locked" (LTB self-service-password's oldest open request): after the same
 * identity check and SMS code as the reset, clears a lockout caused by failed logins (AD
 * `lockoutTime=0`; OpenLDAP a temporary `pwdAccountLockedTime` removed), without changing the
 * password. Disabled accounts are refused; an account no longer locked is left alone. This is the
 * only lockout write passdesk makes on a person's request, and it never sets a lock.
 */
export class UnlockAccountJourney {
  private readonly verification: SmsVerification<UnlockState>;

  constructor(private readonly deps: UnlockAccountDeps) {
    this.verification = new SmsVerification(deps, {
      flows: deps.flows,
      auditPrefix: 'unlock-account',
      limitSubjects: (state) => ({ slackUser: slackActor(state), accounts: state.locked.map((account) => account.dn) }),
      subject: (state) => ({
        accounts: state.locked.map((account) => account.username),
        skipped: state.skipped,
        phoneOwner: state.phoneOwner,
        phoneOwnerMail: state.phoneOwnerMail,
      }),
      nextStep: 'done',
      smsBody: deps.smsBody,
    });
  }

  async start(key: FlowKey, requester: Requester): Promise<UnlockOutcome> {
    const { directory, limiter, limits, audit, clock, settings } = this.deps;
    const actor = slackActor(requester);
    const refuse = async (reason: UnlockEndReason, subject?: string): Promise<UnlockOutcome> => {
      await audit.record({ actor, action: 'unlock-account.refused', subject, result: 'refused', detail: { reason },
        requestId: requester.requestId });
      return endedOutcome(requester.locale, reason);
    };
    if (!(await personMayStart(limiter, limits, requester))) return refuse('rate-limited');
    if (!requester.verifiedEmail) return refuse('no-verified-email');
    let choice: AccountChoice;
    try {
      choice = chooseAccounts(await directory.findAccountsByMail(requester.verifiedEmail),
        { linkedAccountsSharePhone: settings.linkedAccountsSharePhone });
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requester.requestId, 'directory call failed');
      return refuse('directory-unavailable');
    }
    if (choice.kind === 'refused') return refuse(choice.reason, choice.subject);
    const { active, disabled, phoneAccount } = choice;
    const locked = active.filter((account) => account.locked);
    // Nothing locked: said so, and no SMS is sent.
    if (locked.length === 0) return refuse('not-locked', active[0].dn);
    if (!phoneAccount.phone) return refuse('no-phone', phoneAccount.dn);
    if (!(await accountsMayStart(limiter, limits, { accounts: active.map((account) => account.dn), phone: phoneAccount.phone }))) {
      return refuse('rate-limited', phoneAccount.dn);
    }
    const state = newUnlockState({
      key, locale: requester.locale, expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE_MS,
      locked, disabled, phoneAccount, arithmeticChallenge: settings.arithmeticChallenge,
    });
    await this.deps.flows.create(key, state);
    await audit.record({ actor, action: 'unlock-account.started', subject: phoneAccount.dn, result: 'ok',
      detail: { locked: locked.length }, requestId: requester.requestId });
    return { locale: state.locale, screen: this.verification.identityScreen(state) };
  }

  async confirmIdentity(key: FlowKey, requestId: string, answers: { phoneDigits: string; challengeAnswer?: string }): Promise<UnlockOutcome> {
    return this.atStep(key, 'identity', requestId, async (flow) =>
      this.afterVerification(await this.verification.confirmIdentity(flow, requestId, answers), flow, requestId));
  }

  async resendCode(key: FlowKey, requestId: string): Promise<UnlockOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.resendCode(flow, requestId), flow, requestId));
  }

  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<UnlockOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.verifyCode(flow, requestId, typed), flow, requestId));
  }

  /** The code was right (the flow is already 'done', so it cannot run twice): unlock what is still locked. */
  private async unlock(state: UnlockState, requestId: string): Promise<UnlockDoneScreen> {
    const done: UnlockDoneScreen = { step: 'done', unlocked: [], notLocked: [], disabled: [...state.skipped], failed: [] };
    const actor = slackActor(state);
    for (const { dn, username } of state.locked) {
      try {
        const now = await this.deps.directory.getAccount(dn);
        if (!now || now.disabled) {
          done.disabled.push(username);
          continue;
        }
        if (!now.locked) {
          done.notLocked.push(username);
          continue;
        }
        await this.deps.directory.unlockAccount(dn);
        done.unlocked.push(username);
        await this.deps.audit.record({ actor, action: 'unlock-account.unlocked', subject: dn, result: 'ok', requestId });
      } catch (error) {
        logDirectoryError(this.deps.logger, error, requestId, 'unlock failed');
        const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
        if (failure === 'account-disabled') done.disabled.push(username);
        else done.failed.push(username);
        await this.deps.audit.record({ actor, action: 'unlock-account.unlocked', subject: dn, result: 'failed', detail: { failure }, requestId });
      }
    }
    return done;
  }

  private async afterVerification(result: VerificationResult<UnlockState>, flow: LoadedFlow<UnlockState>, requestId: string): Promise<UnlockOutcome> {
    const locale = flow.state.locale;
    switch (result.kind) {
      case 'screen': return { locale, screen: result.screen };
      case 'in-progress': return endedOutcome(locale, 'already-in-progress');
      case 'end': return result.flow ? this.end(result.flow, result.reason, requestId) : endedOutcome(locale, result.reason);
      case 'verified': return { locale, screen: await this.unlock(result.state, requestId) };
    }
  }

  private async atStep(
    key: FlowKey,
    step: UnlockState['step'],
    requestId: string,
    work: (flow: LoadedFlow<UnlockState>) => Promise<UnlockOutcome>,
  ): Promise<UnlockOutcome> {
    const loaded = await loadForStep(this.deps.flows, key, step, this.deps.clock.now(), this.deps.logger, this.deps.defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') {
      // An earlier screen submitted again, or a step skipped: audited; a flow still going ends.
      if (!loaded.finished) await this.end(loaded.flow, 'flow-expired', requestId);
      await this.deps.audit.record({ actor: slackActor(loaded.flow.state), action: 'unlock-account.replayed', result: 'refused',
        detail: { submitted: step, flowStep: loaded.flow.state.step }, requestId });
      return loaded.outcome;
    }
    return work(loaded.flow);
  }

  private async end(flow: LoadedFlow<UnlockState>, reason: UnlockEndReason | 'flow-expired', requestId: string): Promise<UnlockOutcome> {
    await this.deps.flows.save(flow.key, flow.version, { ...flow.state, step: 'ended', codeHash: null });
    const locked = reason === 'too-many-code-attempts' || reason === 'too-many-identity-attempts';
    await this.deps.audit.record({ actor: slackActor(flow.state), action: locked ? 'unlock-account.stopped' : 'unlock-account.ended',
      subject: flow.state.phoneAccountDn, result: locked ? 'refused' : 'failed', detail: { reason }, requestId });
    return endedOutcome(flow.state.locale, reason);
  }
}
