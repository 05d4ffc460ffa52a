import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import { MINUTE_MS } from '../../clock/durations';
import type { Config, Locale } from '../../config';
import { type Account, type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { Limiter } from '../../regulation/limiter';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import type { PasswordRules } from '../password-reset/journey-types';
import { changeSeveralAccounts } from '../shared/change-several-accounts';
import { personAccounts } from '../shared/choose-accounts';
import type { FlowKey, FlowRepository, LoadedFlow } from '../shared/flow-repository';
import { accountsOfRequester, startRefusal } from '../shared/journey-start';
import { loadForStep } from '../shared/load-for-step';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import { passwordFingerprint } from '../shared/password-fingerprint';
import { normaliseNewPassword } from '../shared/typed-password';
import type { Requester } from '../shared/requester';
import { countStart, type StartRules } from '../shared/start-allowance';
import type { ChangeEndReason, ChangeFormError, ChangeFormScreen, ChangeOutcome } from './change-screen';
import { type ChangeState, newChangeState } from './change-state';
import { checkCurrentPasswords } from './current-passwords-check';
import type { WrongCurrentGuard } from './wrong-current-guard';

export interface ChangePasswordDeps {
  directory: Directory;
  flows: FlowRepository<ChangeState>;
  policy: PasswordRules;
  guard: WrongCurrentGuard;
  limiter: Limiter;
  /** Starts per person and per team: each start looks the person up in the directory. */
  startRules: StartRules;
  audit: AuditTrail;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  clock: Clock;
  logger: Logger;
  settings: Pick<Config['reset'], 'flowTtlMinutes' | 'changeLeaseSeconds'>;
  defaultLocale: Locale;
  secretKey: string;
}

/** What the person typed: chosen account ids, current password(s), the new one twice. */
export interface ChangeSubmission {
  chosen: string[];
  current: string;
  /** A current password for one account (by id) that differs from the shared one. */
  currentByAccount: Record<string, string>;
  password: string;
  confirmation: string;
}

/**
 * "Change a password I know" (the Italian procedure): the current password proves the person,
 * the new one meets the policy, and the directory's own change operation (proven by the current
 * password) sets it on the accounts the person chose. Wrong current passwords are counted and
 * stopped before the directory would lock the account.
 */
export class ChangePasswordJourney {
  constructor(private readonly deps: ChangePasswordDeps) {}

  async start(key: FlowKey, requester: Requester): Promise<ChangeOutcome> {
    const { directory, audit, clock } = this.deps;
    const refuse = startRefusal<ChangeEndReason>(audit, requester, 'change-password');
    const start = await countStart(this.deps.limiter, this.deps.startRules, requester);
    if (!start.allowed) {
      return start.firstRefusal ? refuse('rate-limited', undefined, { limit: start.rule.name }) : endedOutcome(requester.locale, 'rate-limited');
    }
    const found = await accountsOfRequester(directory, this.deps.logger, requester);
    if (typeof found === 'string') return refuse(found);
    const person = personAccounts(found);
    if (person.kind === 'refused') return refuse(person.reason, person.subject);
    const { active, disabled } = person;

    const expiresAt = clock.now().getTime() + this.deps.settings.flowTtlMinutes * MINUTE_MS;
    const state = newChangeState({ key, locale: requester.locale, expiresAt, active, disabled });
    await this.deps.flows.create(key, state);
    await audit.record({ actor: slackActor(requester), action: 'change-password.started', subject: active[0].dn, result: 'ok',
      detail: { accounts: active.length }, requestId: requester.requestId });
    return { locale: requester.locale, screen: this.form(state) };
  }

  async submit(key: FlowKey, requestId: string, typed: ChangeSubmission): Promise<ChangeOutcome> {
    const loaded = await loadForStep(this.deps.flows, key, 'form', this.deps.clock.now(), this.deps.logger, this.deps.defaultLocale);
    if (loaded.status === 'gone') return loaded.outcome;
    if (loaded.status === 'replayed') {
      if (!loaded.finished) await this.end(loaded.flow, 'flow-expired', requestId);
      await this.deps.audit.record({ actor: slackActor(loaded.flow.state), action: 'change-password.replayed', result: 'refused',
        detail: { flowStep: loaded.flow.state.step }, requestId });
      return loaded.outcome;
    }
    return this.change(loaded.flow, requestId, typed);
  }

  private async change(flow: LoadedFlow<ChangeState>, requestId: string, typed: ChangeSubmission): Promise<ChangeOutcome> {
    const { state } = flow;
    const show = (error?: ChangeFormError, current: ChangeState = state): ChangeOutcome =>
      ({ locale: state.locale, screen: { ...this.form(current), error } });
    if (state.changingUntil !== null && state.changingUntil > this.deps.clock.now().getTime()) {
      return endedOutcome(state.locale, 'already-in-progress');
    }

    // Only positions the flow offered count: a payload cannot name an account of its own.
    const chosen = state.accounts
      .map((account, index) => ({ account, id: String(index) }))
      .filter(({ id }) => state.accounts.length === 1 || typed.chosen.includes(id))
      .map(({ account, id }) => ({ account, current: typed.currentByAccount[id] || typed.current }));
    if (chosen.length === 0) return show({ kind: 'none-chosen' });
    // The new password as meant (NFC, never trimmed); the current ones exactly as typed.
    const password = normaliseNewPassword(typed.password);
    if (password !== normaliseNewPassword(typed.confirmation)) return show({ kind: 'mismatch' });
    if (chosen.some(({ current }) => current === '')) return show({ kind: 'current-missing' });
    if (state.passwordFingerprint && passwordFingerprint(this.deps.secretKey, state.flowId, password) !== state.passwordFingerprint) {
      return show({ kind: 'not-same-as-before' });
    }
    const pending = chosen.filter(({ account }) => !state.changedDns.includes(account.dn));

    let current: (Account | undefined)[];
    try {
      current = await Promise.all(pending.map(({ account }) => this.deps.directory.getAccount(account.dn)));
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'directory call failed');
      return show({ kind: 'directory-unavailable' });
    }
    if (current.some((account) => !account || account.disabled)) return show({ kind: 'accounts-changed' });
    const found = current.filter((account): account is Account => account !== undefined);
    const verdict = this.deps.policy.check(password, {
      usernames: found.map((account) => account.username),
      nameParts: found.flatMap((account) => account.nameParts),
    });
    if (!verdict.ok) return show({ kind: 'unmet', rules: verdict.unmet });

    let refusal: ChangeFormError | undefined;
    try {
      refusal = await checkCurrentPasswords(this.deps, state, pending, requestId);
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requestId, 'lockout state could not be read');
      return show({ kind: 'directory-unavailable' });
    }
    if (refusal) return show(refusal);
    return this.write(flow, requestId, chosen.map(({ account }) => account), pending, password, show);
  }

  /** Every check has passed: each chosen account changes with its own current password. */
  private async write(
    flow: LoadedFlow<ChangeState>,
    requestId: string,
    chosen: ChangeState['accounts'],
    pending: { account: ChangeState['accounts'][number]; current: string }[],
    password: string,
    show: (error?: ChangeFormError, current?: ChangeState) => ChangeOutcome,
  ): Promise<ChangeOutcome> {
    const { state } = flow;
    const { directory, audit } = this.deps;
    const leaseUntil = () => this.deps.clock.now().getTime() + this.deps.settings.changeLeaseSeconds * 1000;
    let version = flow.version;
    const persist = async (next: ChangeState): Promise<boolean> => {
      const saved = await this.deps.flows.save(flow.key, version, next);
      if (saved) version += 1;
      return saved;
    };
    if (!(await persist({ ...state, changingUntil: leaseUntil() }))) return endedOutcome(state.locale, 'already-in-progress');

    const actor = slackActor(state);
    const currentOf = new Map(pending.map(({ account, current }) => [account.dn, current]));
    const result = await changeSeveralAccounts({
      dns: chosen.map((account) => account.dn),
      alreadyChanged: state.changedDns,
      password,
      write: (dn, newPassword) => directory.changePassword(dn, currentOf.get(dn) ?? '', newPassword),
      // Each hook renews the lease; false (another submission took the flow) stops the change.
      beforeWrite: (_dn, changedDns) => persist({ ...state, changedDns, changingUntil: leaseUntil() }),
      onChanged: (changedDns) => persist({ ...state, changedDns, changingUntil: leaseUntil() }),
      onResult: async (dn, error) => {
        if (error !== undefined) logDirectoryError(this.deps.logger, error, requestId, 'directory write failed');
        const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
        await audit.record({ actor, action: 'change-password.password-changed', subject: dn, result: error === undefined ? 'ok' : 'failed',
          detail: error === undefined ? undefined : { failure }, requestId });
      },
    });

    if (result.kind === 'none-changed') {
      await persist({ ...state, changingUntil: null });
      const { error } = result;
      if (error instanceof DirectoryError && error.failure === 'policy') return show({ kind: 'directory-refused', reasons: error.policyReasons });
      return show({ kind: 'directory-unavailable' });
    }
    if (result.kind === 'stopped' && result.changed.length === state.changedDns.length) return endedOutcome(state.locale, 'already-in-progress');
    if (result.kind === 'partly-changed' || result.kind === 'stopped') {
      const partial: ChangeState = { ...state, changedDns: result.changed, changingUntil: null,
        passwordFingerprint: passwordFingerprint(this.deps.secretKey, state.flowId, password) };
      await persist(partial);
      return show(undefined, partial);
    }
    await persist({ ...state, step: 'done', changedDns: result.changed, passwordFingerprint: null, changingUntil: null });
    const changed = state.accounts.filter((account) => result.changed.includes(account.dn));
    await audit.record({ actor, action: 'change-password.completed', subject: changed[0]?.dn, result: 'ok',
      detail: { accounts: changed.length }, requestId });
    await this.deps.notifier.notify({
      slackUserId: state.userId,
      mails: changed.map((account) => account.mail).filter(Boolean),
      accounts: changed.map((account) => account.username),
      locale: state.locale,
      at: this.deps.clock.now(),
      via: 'change',
    });
    return { locale: state.locale, screen: { step: 'done', changed: changed.map((account) => account.username) } };
  }

  private form(state: ChangeState): ChangeFormScreen {
    const partial = state.changedDns.length === 0 ? undefined : {
      changed: state.accounts.filter((account) => state.changedDns.includes(account.dn)).map((account) => account.username),
      failed: state.accounts.filter((account) => !state.changedDns.includes(account.dn)).map((account) => account.username),
    };
    return {
      step: 'form',
      accounts: state.accounts.map((account, index) => ({ id: String(index), username: account.username, principalName: account.principalName })),
      skipped: state.skipped,
      rules: this.deps.policy.rules(),
      partial,
    };
  }

  private async end(flow: LoadedFlow<ChangeState>, reason: 'flow-expired', requestId: string): Promise<ChangeOutcome> {
    await this.deps.flows.save(flow.key, flow.version, { ...flow.state, step: 'ended', passwordFingerprint: null });
    await this.deps.audit.record({ actor: slackActor(flow.state), action: 'change-password.ended', result: 'failed',
      detail: { reason }, requestId });
    return endedOutcome(flow.state.locale, reason);
  }
}
