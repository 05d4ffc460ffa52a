import { slackActor } from '../../audit/actor';
import { MINUTE_MS } from '../../clock/durations';
import { type Account, DirectoryError } from '../../directory/directory';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { PasswordRules } from '../password-reset/journey-types';
import type { FlowKey, LoadedFlow } from '../shared/flow-repository';
import { startRefusal } from '../shared/journey-start';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { personToVerify } from '../shared/sms-verification/person-to-verify';
import { SmsVerifiedJourney, type SmsVerifiedJourneyDeps } from '../shared/sms-verification/sms-verified-journey';
import { accountsMayStart } from '../shared/start-allowance';
import { normaliseNewPassword } from '../shared/typed-password';
import type { ServiceEndReason, ServiceOutcome, ServicePasswordScreen, ServiceScreen } from './service-screen';
import { newServiceState, type ServiceState } from './service-state';

export interface ServiceAccountDeps extends SmsVerifiedJourneyDeps<ServiceState> {
  /** The service-account policy: SERVICE_POLICY_MIN_LENGTH and the other POLICY_* rules. */
  policy: PasswordRules;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  smsBody(locale: Requester['locale'], code: string, minutes: number): string;
}

const CHANGE_LEASE_MS = 60_000;

/**
 * "Manage a service account" (the Italian page's impersonal accounts): the person responsible,
 * proven by the identity check and an SMS code to their own phone, sets a new password for a
 * service account they own. Never linked to the person's own accounts, never changed with them.
 */
export class ServiceAccountJourney extends SmsVerifiedJourney<ServiceState, ServiceScreen, ServiceAccountDeps> {
  constructor(deps: ServiceAccountDeps) {
    super(deps, {
      flows: deps.flows,
      auditPrefix: 'service-account',
      stoppedAs: 'locked',
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
    const { directory, limiter, limits, clock, settings } = this.deps;
    const refuse = startRefusal<ServiceEndReason>(this.deps.audit, requester, 'service-account');
    const person = await personToVerify(this.deps, requester);
    if (person.kind === 'refused') return refuse(person.reason, person.subject);
    const { active: owner, phoneAccount } = person;
    let services: Account[];
    try {
      services = await directory.findOwnedServiceAccounts(owner.map((account) => account.dn));
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requester.requestId, 'directory call failed');
      return refuse('directory-unavailable');
    }
    if (services.length === 0) return refuse('no-service-accounts', owner[0].dn);
    if (!(await accountsMayStart(limiter, limits, { accounts: owner.map((account) => account.dn), phone: phoneAccount.phone }))) {
      return refuse('rate-limited', phoneAccount.dn);
    }

    const state = newServiceState({
      key, locale: requester.locale, expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE_MS,
      owner, phoneAccount, services, arithmeticChallenge: settings.arithmeticChallenge,
    });
    if (state.services.length === 0) return refuse('account-disabled', services[0].dn);
    return this.open(key, state, requester, { serviceAccounts: state.services.length });
  }

  async setPassword(
    key: FlowKey,
    requestId: string,
    typed: { serviceId: string; password: string; confirmation: string },
  ): Promise<ServiceOutcome> {
    return this.atStep(key, 'new-password', requestId, (flow) => this.change(flow, requestId, typed));
  }

  protected async afterCode(state: ServiceState): Promise<ServicePasswordScreen> {
    return this.passwordScreen(state);
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

  private passwordScreen(state: ServiceState): ServicePasswordScreen {
    return {
      step: 'new-password',
      services: state.services.map((service, index) => ({ id: String(index), username: service.username })),
      rules: this.deps.policy.rules(),
    };
  }
}
