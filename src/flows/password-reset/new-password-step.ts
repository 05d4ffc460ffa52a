import { createHmac } from 'node:crypto';
import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import { type Account, type Directory, DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { PasswordChangedNotice } from '../../notification/password-changed-notifier';
import { changeSeveralAccounts } from '../shared/change-several-accounts';
import type { FlowRepository, LoadedFlow } from '../shared/flow-repository';
import { logDirectoryError } from '../shared/log-directory-error';
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
  secretKey: string;
}

/** How long one submission holds the flow while it writes to the directory. */
const CHANGE_LEASE_MS = 60_000;

/**
 * The last step: checks the new password against every account first (reachable, enabled,
 * policy), then changes each. If one fails after another succeeded, the person is told exactly
 * which changed, and submitting the same password again finishes the rest.
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

  const { password } = typed;
  if (password !== typed.confirmation) return show({ kind: 'mismatch' });
  if (state.passwordFingerprint && fingerprint(deps.secretKey, state.flowId, password) !== state.passwordFingerprint) {
    return show({ kind: 'not-same-as-before' });
  }
  const now = deps.clock.now().getTime();
  if (state.changingUntil !== null && state.changingUntil > now) {
    return { locale: state.locale, screen: { step: 'ended', reason: 'already-in-progress' } };
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

  let version = flow.version;
  const persist = async (next: ResetState): Promise<boolean> => {
    const saved = await deps.flows.save(flow.key, version, next);
    if (saved) version += 1;
    return saved;
  };
  if (!(await persist({ ...state, changingUntil: now + CHANGE_LEASE_MS }))) {
    return { locale: state.locale, screen: { step: 'ended', reason: 'already-in-progress' } };
  }

  const actor = slackActor(state);
  const result = await changeSeveralAccounts({
    dns: state.accounts.map((account) => account.dn),
    alreadyChanged: state.changedDns,
    password,
    write: (dn, typedPassword) => deps.directory.resetPassword(dn, typedPassword),
    onChanged: async (changedDns) => {
      await persist({ ...state, changedDns, changingUntil: now + CHANGE_LEASE_MS });
    },
    onResult: async (dn, error) => {
      if (error === undefined) {
        await deps.audit.record({ actor, action: 'password-reset.password-changed', subject: dn, result: 'ok', requestId });
        return;
      }
      logDirectoryError(deps.logger, error, requestId, 'directory write failed');
      const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
      await deps.audit.record({ actor, action: 'password-reset.password-changed', subject: dn,
        result: 'failed', detail: { failure }, requestId });
    },
  });

  if (result.kind === 'none-changed') {
    // Nothing changed yet: the person can choose another password or try again later.
    await persist({ ...state, changingUntil: null });
    const { error } = result;
    if (error instanceof DirectoryError && error.failure === 'policy') {
      return show({ kind: 'directory-refused', reasons: error.policyReasons });
    }
    return show({ kind: 'directory-unavailable' });
  }
  const changed = result.changed;
  if (result.kind === 'partly-changed') {
    const partialState: ResetState = {
      ...state,
      changedDns: changed,
      passwordFingerprint: fingerprint(deps.secretKey, state.flowId, password),
      changingUntil: null,
    };
    await persist(partialState);
    return show(undefined, partialOf(partialState));
  }

  const done: ResetState = { ...state, step: 'done', changedDns: changed, passwordFingerprint: null, changingUntil: null };
  await persist(done);
  await deps.audit.record({ actor, action: 'password-reset.completed', subject: state.phoneAccountDn,
    result: 'ok', detail: { accounts: changed.length }, requestId });
  await deps.notifier.notify({
    slackUserId: state.userId,
    mails: state.accounts.map((a) => a.mail).filter(Boolean),
    accounts: state.accounts.map((a) => a.username),
    locale: state.locale,
    at: deps.clock.now(),
  });
  return { locale: state.locale, screen: { step: 'done', changed: state.accounts.map((a) => a.username) } };
}

function partialOf(state: ResetState): NewPasswordScreen['partial'] {
  if (state.changedDns.length === 0) return undefined;
  const name = (dn: string) => state.accounts.find((a) => a.dn === dn)?.username ?? dn;
  return {
    changed: state.changedDns.map(name),
    failed: state.accounts.filter((a) => !state.changedDns.includes(a.dn)).map((a) => a.username),
  };
}

/** Keyed hash of a password already set on some accounts, kept only until the flow expires. */
function fingerprint(key: string, flowId: string, password: string): string {
  return createHmac('sha256', key).update(`password:${flowId}:${password}`).digest('hex');
}
