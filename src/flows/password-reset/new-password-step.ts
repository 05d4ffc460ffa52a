import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import { SECOND_MS } from '../../clock/durations';
import type { Config } from '../../config';
import { type Account, type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import { auditAfterWrite } from '../shared/audit-after-write';
import { changeSeveralAccounts } from '../shared/change-several-accounts';
import type { FlowRepository, LoadedFlow } from '../shared/flow-repository';
import { logDirectoryError } from '../shared/log-directory-error';
import { passwordFingerprint as fingerprint } from '../shared/password-fingerprint';
import { normaliseNewPassword } from '../shared/typed-password';
import type { PasswordRules } from './journey-types';
import type { NewPasswordScreen, ResetOutcome } from './reset-screen';
import type { ResetState } from './reset-state';

export interface ChangeAccountsDeps {
  directory: Directory;
  flows: FlowRepository<ResetState>;
  policy: PasswordRules;
  audit: AuditTrail;
  notifier: { notify(notice: PasswordChangedNotice): Promise<void> };
  clock: Clock;
  logger: Logger;
  settings: Pick<Config['reset'], 'changeLeaseSeconds'>;
  secretKey: string;
}

/**
 * The last step: checks the new password against every account first (reachable, enabled,
 * policy), then changes each. If one fails after another succeeded, the person is told exactly
 * which changed, and submitting the same password again finishes the rest.
 *
 * Once a password was written, nothing that fails afterwards (the store, the audit) may make
 * the person read that nothing changed: what changed is kept first, then audited, and the last
 * screen and the notice always say what changed.
 */
export async function setNewPassword(
  deps: ChangeAccountsDeps,
  flow: LoadedFlow<ResetState>,
  requestId: string,
  typed: { password: string; confirmation: string },
  newPasswordScreen: (state: ResetState) => NewPasswordScreen,
): Promise<ResetOutcome> {
  const { state } = flow;
  const show = (error: NewPasswordScreen['error'], partial = partialOf(state)): ResetOutcome => ({
    locale: state.locale,
    screen: { ...newPasswordScreen(state), error, partial },
  });

  const password = normaliseNewPassword(typed.password);
  if (password !== normaliseNewPassword(typed.confirmation)) return show({ kind: 'mismatch' });
  const now = deps.clock.now().getTime();
  if (state.changingUntil !== null && state.changingUntil > now) return show({ kind: 'busy' });
  const typedFingerprint = fingerprint(deps.secretKey, state.flowId, password);
  if (state.passwordFingerprint && typedFingerprint !== state.passwordFingerprint) {
    return show({ kind: 'not-same-as-before' });
  }

  let current: (Account | undefined)[];
  try {
    current = await Promise.all(state.accounts.map((account) => deps.directory.getAccount(account.dn)));
  } catch (error) {
    logDirectoryError(deps.logger, error, requestId, 'directory write failed');
    return show({ kind: 'directory-unavailable' });
  }
  const found = current.filter((account): account is Account => account !== undefined);
  const unchangeable = state.accounts.some(
    (account, index) => !state.changedDns.includes(account.dn) && (!current[index] || current[index].disabled),
  );
  // An account removed or disabled since the flow started: change none, rather than some.
  if (unchangeable) return show({ kind: 'accounts-changed' });
  const verdict = deps.policy.check(password, {
    usernames: found.map((a) => a.username),
    nameParts: found.flatMap((a) => a.nameParts),
  });
  if (!verdict.ok) return show({ kind: 'unmet', rules: verdict.unmet });

  let alreadyChanged: string[];
  try {
    alreadyChanged = await changedBeforeInterruption(deps, state, password, requestId);
  } catch (error) {
    logDirectoryError(deps.logger, error, requestId, 'directory call failed');
    return show({ kind: 'directory-unavailable' });
  }

  const progress = new ChangeProgress(deps, flow, requestId);
  const leaseUntil = () => deps.clock.now().getTime() + deps.settings.changeLeaseSeconds * SECOND_MS;
  // The fingerprint is kept before any write: whatever happens next, a retry uses this password.
  const leased: ResetState = { ...state, changedDns: alreadyChanged, passwordFingerprint: typedFingerprint,
    changingUntil: leaseUntil(), writingDn: null };
  if ((await progress.keep(leased, { orThrow: true })) !== 'kept') return show({ kind: 'busy' });

  const actor = slackActor(state);
  const result = await changeSeveralAccounts({
    dns: state.accounts.map((account) => account.dn),
    alreadyChanged,
    password,
    write: (dn, typedPassword) => deps.directory.resetPassword(dn, typedPassword),
    beforeWrite: async (dn, changedDns) =>
      (await progress.keep({ ...progress.latest, changedDns, writingDn: dn, changingUntil: leaseUntil() })) !== 'taken',
    onChanged: async (changedDns) =>
      (await progress.keep({ ...progress.latest, changedDns, writingDn: null, changingUntil: leaseUntil() })) !== 'taken',
    onResult: async (dn, error) => {
      if (error === undefined) {
        await auditAfterWrite(deps.audit, deps.logger,
          { actor, action: 'password-reset.password-changed', subject: dn, result: 'ok', requestId });
        return;
      }
      logDirectoryError(deps.logger, error, requestId, 'directory write failed');
      const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
      await auditAfterWrite(deps.audit, deps.logger, { actor, action: 'password-reset.password-changed', subject: dn,
        result: 'failed', detail: { failure }, requestId });
    },
  });

  if (result.kind === 'none-changed') {
    // Nothing changed now: free the flow. Unless an earlier try set it somewhere, any password will do.
    const released = await progress.keep({ ...progress.latest, changedDns: alreadyChanged,
      passwordFingerprint: alreadyChanged.length > 0 ? typedFingerprint : null, changingUntil: null, writingDn: null });
    if (released !== 'kept') deps.logger.warn({ requestId, released }, 'could not release the flow after a refused change');
    const { error } = result;
    if (error instanceof DirectoryError && error.failure === 'policy') {
      return show({ kind: 'directory-refused', reasons: error.policyReasons });
    }
    return show({ kind: 'directory-unavailable' });
  }

  const name = (dn: string) => state.accounts.find((a) => a.dn === dn)?.username ?? dn;
  const notChanged = state.accounts.map((a) => a.dn).filter((dn) => !result.changed.includes(dn));
  const writtenNow = result.changed.filter((dn) => !alreadyChanged.includes(dn));
  if (result.kind === 'stopped' && writtenNow.length === 0) return show({ kind: 'busy' });

  if (result.kind === 'all-changed') {
    const finished = await progress.keep({ ...progress.latest, step: 'done', changedDns: result.changed,
      passwordFingerprint: null, changingUntil: null, writingDn: null });
    if (finished === 'taken') deps.logger.warn({ requestId }, 'every account changed, but another submission holds the flow');
    await auditAfterWrite(deps.audit, deps.logger, { actor, action: 'password-reset.completed', subject: state.phoneAccountDn,
      result: 'ok', detail: { accounts: result.changed.length }, requestId });
    await tell(deps, state, result.changed.map(name), requestId);
    return { locale: state.locale, screen: { step: 'done', changed: state.accounts.map((a) => a.username), notChanged: [] } };
  }

  // Some accounts changed and some did not: kept, the person may submit the same password again
  // to finish; not kept (or the flow taken), no retry can work. Told either way.
  const partialState: ResetState = { ...progress.latest, changedDns: result.changed, changingUntil: null, writingDn: null };
  const retryable = result.kind === 'partly-changed' && (await progress.keep(partialState)) === 'kept';
  await tell(deps, state, result.changed.map(name), requestId, notChanged.map(name));
  if (retryable) return show(undefined, partialOf(partialState));
  return {
    locale: state.locale,
    screen: { step: 'done', changed: result.changed.map(name), notChanged: notChanged.map(name) },
  };
}

/**
 * The accounts already changed when this submission starts. Past its lease, a change that set
 * `writingDn` was interrupted during that account's write (the process stopped): whether the
 * write happened is asked of the directory, by a bind with this same password (the fingerprint
 * guarantees it is the one that was being written). That bind fails at most once per crash.
 */
async function changedBeforeInterruption(
  deps: ChangeAccountsDeps,
  state: ResetState,
  password: string,
  requestId: string,
): Promise<string[]> {
  const inDoubt = state.changingUntil !== null ? state.writingDn : null;
  if (!inDoubt || state.changedDns.includes(inDoubt)) return state.changedDns;
  const written = await deps.directory.verifyPassword(inDoubt, password);
  await auditAfterWrite(deps.audit, deps.logger, { actor: slackActor(state), action: 'password-reset.change-resumed',
    subject: inDoubt, result: 'ok', detail: { written }, requestId });
  return written ? [...state.changedDns, inDoubt] : state.changedDns;
}

/**
 * Saves the flow by compare-and-set as the change goes on. `taken`: another submission moved the
 * flow (its lease had run out), so this one stops writing. `failed`: the store threw; after a
 * write the change goes on (the person ends with every account changed, and is told so).
 */
class ChangeProgress {
  private version: number;
  latest: ResetState;

  constructor(
    private readonly deps: ChangeAccountsDeps,
    private readonly flow: LoadedFlow<ResetState>,
    private readonly requestId: string,
  ) {
    this.version = flow.version;
    this.latest = flow.state;
  }

  async keep(next: ResetState, options: { orThrow?: boolean } = {}): Promise<'kept' | 'taken' | 'failed'> {
    try {
      if (!(await this.deps.flows.save(this.flow.key, this.version, next))) return 'taken';
    } catch (error) {
      if (options.orThrow) throw error;
      this.deps.logger.error({ requestId: this.requestId, err: error instanceof Error ? error.message : 'unknown' },
        'could not keep the progress of a password change');
      return 'failed';
    }
    this.version += 1;
    this.latest = next;
    return 'kept';
  }
}

/** The DM and the mail, naming what changed and what did not; never fails the step. */
async function tell(
  deps: ChangeAccountsDeps,
  state: ResetState,
  changed: string[],
  requestId: string,
  notChanged: string[] = [],
): Promise<void> {
  try {
    await deps.notifier.notify({
      slackUserId: state.userId,
      mails: state.accounts.map((a) => a.mail).filter(Boolean),
      accounts: changed,
      notChanged,
      locale: state.locale,
      at: deps.clock.now(),
      via: 'reset',
    });
  } catch (error) {
    deps.logger.error({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'password-changed notice failed');
  }
}

function partialOf(state: ResetState): NewPasswordScreen['partial'] {
  if (state.changedDns.length === 0) return undefined;
  const name = (dn: string) => state.accounts.find((a) => a.dn === dn)?.username ?? dn;
  return {
    changed: state.changedDns.map(name),
    failed: state.accounts.filter((a) => !state.changedDns.includes(a.dn)).map((a) => a.username),
  };
}
