import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Config } from '../../config';
import { type Account, type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { Limiter } from '../../regulation/limiter';
import type { SmsDestinations } from '../../sms/sms-destinations';
import type { SmsSender } from '../../sms/sms-sender';
import type { PasswordRules } from '../password-reset/journey-types';
import type { ResetLimits } from '../password-reset/reset-limits';
import { type AccountChoice, chooseAccounts } from '../shared/choose-accounts';
import type { FlowKey, FlowRepository, LoadedFlow } from '../shared/flow-repository';
import { loadForStep } from '../shared/load-for-step';
import { accountsMayStart, personMayStart } from '../shared/start-allowance';
import { normaliseNewPassword } from '../shared/typed-password';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { SmsVerification, type VerificationResult } from '../shared/sms-verification/sms-verification';
import type { ServiceEndReason, ServiceOutcome, ServicePasswordScreen } from './service-screen';
import { newServiceState, type ServiceState } from './service-state';

export interface ServiceAccountDeps {
  directory: Directory;
  flows: FlowRepository<ServiceState>;
  sms: SmsSender;
  smsDestinations: SmsDestinations;
  /** The service-account policy: SERVICE_POLICY_MIN_LENGTH and the other POLICY_* rules. */
  policy: PasswordRules;
  limiter: Limiter;
  /** The same rules (and counters) as the reset: one SMS allowance per phone, whichever journey sends. */
  limits: ResetLimits;
  audit: AuditTrail;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  clock: Clock;
  logger: Logger;
  settings: Config['reset'];
  defaultLocale: Requester['locale'];
  secretKey: string;
  smsBody(locale: Requester['locale'], code: string, minutes: number): string;
}

const MINUTE = 60_000;
const CHANGE_LEASE_MS = 60_000;

/**
 * "Manage a service account" (the Italian page's impersonal accounts): the person responsible,
 * proven by the identity check and an SMS code to their own phone, sets a new password for a
 * service account they own. Never linked to the person's own accounts, never changed with them.
 */
export class ServiceAccountJourney {
  private readonly verification: SmsVerification<ServiceState>;

  constructor(private readonly deps: ServiceAccountDeps) {
    this.verification = new SmsVerification(deps, {
      flows: deps.flows,
      auditPrefix: 'service-account',
      limitSubjects: (state) => ({ slackUser: slackActor(state), accounts: state.ownerDns }),
      subject: (state) => ({
        accounts: state.services.map((service) => service.username),
        skipped: state.skipped,
        phoneOwner: state.phoneOwner,
        phoneOwnerMail: state.phoneOwnerMail,
      }),
      nextStep: 'new-password',
      smsBody: deps.smsBody,
    });
  }

  async start(key: FlowKey, requester: Requester): Promise<ServiceOutcome> {
    const { directory, limiter, limits, audit, clock, settings } = this.deps;
    const actor = slackActor(requester);
    const refuse = async (reason: ServiceEndReason, subject?: string): Promise<ServiceOutcome> => {
      await audit.record({ actor, action: 'service-account.refused', subject, result: 'refused', detail: { reason },
        requestId: requester.requestId });
      return endedOutcome(requester.locale, reason);
    };
    if (!(await personMayStart(limiter, limits, requester))) return refuse('rate-limited');
    if (!requester.verifiedEmail) return refuse('no-verified-email');
    let choice: AccountChoice;
    let services: Account[] = [];
    try {
      choice = chooseAccounts(await directory.findAccountsByMail(requester.verifiedEmail),
        { linkedAccountsSharePhone: settings.linkedAccountsSharePhone });
      if (choice.kind === 'chosen') services = await directory.findOwnedServiceAccounts(choice.active.map((account) => account.dn));
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requester.requestId, 'directory call failed');
      return refuse('directory-unavailable');
    }
    if (choice.kind === 'refused') return refuse(choice.reason, choice.subject);
    const { active: owner, phoneAccount } = choice;
    if (services.length === 0) return refuse('no-service-accounts', owner[0].dn);
    if (!phoneAccount.phone) return refuse('no-phone', phoneAccount.dn);
    if (!(await accountsMayStart(limiter, limits, { accounts: owner.map((account) => account.dn), phone: phoneAccount.phone }))) {
      return refuse('rate-limited', phoneAccount.dn);
    }

    const state = newServiceState({
      key, locale: requester.locale, expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE,
      owner, phoneAccount, services, arithmeticChallenge: settings.arithmeticChallenge,
    });
    if (state.services.length === 0) return refuse('account-disabled', services[0].dn);
    await this.deps.flows.create(key, state);
    await audit.record({ actor, action: 'service-account.started', subject: phoneAccount.dn, result: 'ok',
      detail: { serviceAccounts: state.services.length }, requestId: requester.requestId });
    return { locale: state.locale, screen: this.verification.identityScreen(state) };
  }

  async confirmIdentity(key: FlowKey, requestId: string, answers: { phoneDigits: string; challengeAnswer?: string }): Promise<ServiceOutcome> {
    return this.atStep(key, 'identity', requestId, async (flow) =>
      this.afterVerification(await this.verification.confirmIdentity(flow, requestId, answers), flow, requestId));
  }

  async resendCode(key: FlowKey, requestId: string): Promise<ServiceOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.resendCode(flow, requestId), flow, requestId));
  }

  async verifyCode(key: FlowKey, requestId: string, typed: string): Promise<ServiceOutcome> {
    return this.atStep(key, 'code', requestId, async (flow) =>
      this.afterVerification(await this.verification.verifyCode(flow, requestId, typed), flow, requestId));
  }

  async setPassword(
    key: FlowKey,
    requestId: string,
    typed: { serviceId: string; password: string; confirmation: string },
  ): Promise<ServiceOutcome> {
    return this.atStep(key, 'new-password', requestId, (flow) => this.change(flow, requestId, typed));
  }

  private async change(
    flow: LoadedFlow<ServiceState>,
    requestId: string,
    typed: { serviceId: string; password: string; confirmation: string },
  ): Promise<ServiceOutcome> {
    const { state } = flow;
    const show = (error: ServicePasswordScreen['error']): ServiceOutcome => ({ locale: state.locale, screen: { ...this.passwordScreen(state), error } });
    // Only a position the flow offered counts: a replayed payload naming another DN chooses nothing.
    const service = /^\d+$/.test(typed.serviceId) ? state.services[Number(typed.serviceId)] : undefined;
    if (!service) return show({ kind: 'none-chosen' });
    const password = normaliseNewPassword(typed.password);
    if (password !== normaliseNewPassword(typed.confirmation)) return show({ kind: 'mismatch' });
    const verdict = this.deps.policy.check(password, {
      usernames: [service.username, ...state.ownerUsernames],
      nameParts: state.ownerNameParts,
    });
    if (!verdict.ok) return show({ kind: 'unmet', rules: verdict.unmet });
    const now = this.deps.clock.now().getTime();
    if (state.changingUntil !== null && state.changingUntil > now) return endedOutcome(state.locale, 'already-in-progress');
    if (!(await this.deps.flows.save(flow.key, flow.version, { ...state, changingUntil: now + CHANGE_LEASE_MS }))) {
      return endedOutcome(state.locale, 'already-in-progress');
    }
    const version = flow.version + 1;
    const actor = slackActor(state);
    try {
      await this.deps.directory.resetServiceAccountPassword(service.dn, state.ownerDns, password);
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'directory write failed');
      const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
      await this.deps.audit.record({ actor, action: 'service-account.password-changed', subject: service.dn, result: 'failed',
        detail: { failure }, requestId });
      await this.deps.flows.save(flow.key, version, { ...state, changingUntil: null });
      if (failure === 'policy' && error instanceof DirectoryError) return show({ kind: 'directory-refused', reasons: error.policyReasons });
      if (failure === 'not-found' || failure === 'account-disabled') return show({ kind: 'not-owned' });
      return show({ kind: 'directory-unavailable' });
    }
    await this.deps.flows.save(flow.key, version, { ...state, step: 'done', changingUntil: null });
    await this.deps.audit.record({ actor, action: 'service-account.password-changed', subject: service.dn, result: 'ok',
      detail: { owner: state.phoneAccountDn }, requestId });
    await this.deps.notifier.notify({
      slackUserId: state.userId, mails: state.ownerMails, accounts: [service.username], locale: state.locale, at: this.deps.clock.now(),
      via: 'service-account',
    });
    return { locale: state.locale, screen: { step: 'done', changed: service.username } };
  }

  private async afterVerification(result: VerificationResult<ServiceState>, flow: LoadedFlow<ServiceState>, requestId: string): Promise<ServiceOutcome> {
    const locale = flow.state.locale;
    switch (result.kind) {
      case 'screen': return { locale, screen: result.screen };
      case 'in-progress': return endedOutcome(locale, 'already-in-progress');
      case 'end': return result.flow ? this.end(result.flow, result.reason, requestId) : endedOutcome(locale, result.reason);
      case 'verified': return { locale, screen: this.passwordScreen(result.state) };
    }
  }

  private passwordScreen(state: ServiceState): ServicePasswordScreen {
    return {
      step: 'new-password',
      services: state.services.map((service, index) => ({ id: String(index), username: service.username })),
      rules: this.deps.policy.rules(),
    };
  }

  private async atStep(
    key: FlowKey,
    step: ServiceState['step'],
    requestId: string,
    work: (flow: LoadedFlow<ServiceState>) => Promise<ServiceOutcome>,
  ): Promise<ServiceOutcome> {
    const loaded = await loadForStep(this.deps.flows, key, step, this.deps.clock.now(), this.deps.logger, this.deps.defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') {
      // An earlier screen submitted again, or a step skipped: audited; a flow still going ends.
      if (!loaded.finished) await this.end(loaded.flow, 'flow-expired', requestId);
      await this.deps.audit.record({ actor: slackActor(loaded.flow.state), action: 'service-account.replayed', result: 'refused',
        detail: { submitted: step, flowStep: loaded.flow.state.step }, requestId });
      return loaded.outcome;
    }
    return work(loaded.flow);
  }

  private async end(flow: LoadedFlow<ServiceState>, reason: ServiceEndReason | 'flow-expired', requestId: string): Promise<ServiceOutcome> {
    await this.deps.flows.save(flow.key, flow.version, { ...flow.state, step: 'ended', codeHash: null });
    const locked = reason === 'too-many-code-attempts' || reason === 'too-many-identity-attempts';
    await this.deps.audit.record({ actor: slackActor(flow.state), action: locked ? 'service-account.locked' : 'service-account.ended',
      subject: flow.state.phoneAccountDn, result: locked ? 'refused' : 'failed', detail: { reason }, requestId });
    return endedOutcome(flow.state.locale, reason);
  }
}
