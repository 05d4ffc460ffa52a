import { slackActor } from '../../audit/actor';
import { type Account, DirectoryError } from '../../directory/directory';
import { messagesFor } from '../../i18n';
import { maskPhone } from '../../log/mask';
import { changeSeveralAccounts } from '../shared/change-several-accounts';
import type { LoadedFlow } from '../shared/flow-repository';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { TemporaryPasswordDeps } from './journey-types';
import { notifyPerson } from './person-notice';
import { describeAccount, type DoneScreen, type TemporaryPasswordEndReason, type TemporaryPasswordOutcome } from './temporary-password-screen';
import type { Candidate, Choice, TemporaryPasswordState } from './temporary-password-state';

/** How the ended flow is recorded: the journey's `end`, which audits and posts the refusal. */
export type EndFlow = (flow: LoadedFlow<TemporaryPasswordState>, reason: TemporaryPasswordEndReason, requestId: string) => Promise<TemporaryPasswordOutcome>;

/**
 * The last step, once the caller is verified: every check again (operator, accounts enabled and
 * not protected, limits), then one generated password set on each chosen account as "must
 * change", the chosen unlocks, the delivery, the person's notice, the log channel and the audit.
 * The password exists only here and in the screen returned: it is never stored, logged or audited.
 */
export async function issuePassword(
  deps: TemporaryPasswordDeps,
  flow: LoadedFlow<TemporaryPasswordState>,
  requestId: string,
  end: EndFlow,
): Promise<TemporaryPasswordOutcome> {
  const { state } = flow;
  const choice = state.choice;
  if (!choice) return end(flow, 'accounts-changed', requestId);
  // Claim the flow first: a second submission of the same step finds it 'issuing' and stops.
  const issuing: TemporaryPasswordState = { ...state, step: 'issuing', codeHash: null };
  if (!(await deps.flows.save(flow.key, flow.version, issuing))) return endedOutcome(state.locale, 'already-in-progress');
  const claimed = { ...flow, state: issuing, version: flow.version + 1 };
  const actor = slackActor(state);

  const operator = await deps.operators.check(state.userId).catch(() => undefined);
  if (operator?.kind !== 'operator') return end(claimed, operator ? 'not-operator' : 'operator-check-failed', requestId);

  const chosen = state.candidates.filter((candidate) => choice.dns.includes(candidate.dn));
  let current: Account[];
  try {
    current = await recheckAccounts(deps, chosen, actor, requestId);
  } catch (error) {
    if (error instanceof AccountsChanged) return end(claimed, 'accounts-changed', requestId);
    logDirectoryError(deps.logger, error, requestId, 'directory call failed');
    return end(claimed, 'directory-unavailable', requestId);
  }

  const targets = { accounts: current.map((account) => account.dn) };
  if (await deps.limiter.isExhausted(deps.limits.perOperator, { slackUser: actor })) return end(claimed, 'rate-limited-operator', requestId);
  if (await deps.limiter.isExhausted(deps.limits.perTarget, targets)) return end(claimed, 'rate-limited-target', requestId);
  if (!(await deps.limiter.consume(deps.limits.perOperator, { slackUser: actor }))) return end(claimed, 'rate-limited-operator', requestId);
  if (!(await deps.limiter.consume(deps.limits.perTarget, targets))) return end(claimed, 'rate-limited-target', requestId);

  const password = deps.policy.generate({
    usernames: current.map((account) => account.username),
    nameParts: current.flatMap((account) => account.nameParts),
  });
  const detail = { verification: choice.verification, delivery: choice.delivery, ...(choice.ticket ? { ticket: choice.ticket } : {}) };
  const result = await changeSeveralAccounts({
    dns: current.map((account) => account.dn),
    alreadyChanged: [],
    password,
    write: (dn, temporary) => deps.directory.setTemporaryPassword(dn, temporary),
    beforeWrite: async () => true,
    onChanged: async () => true,
    onResult: async (dn, error) => {
      if (error) logDirectoryError(deps.logger, error, requestId, 'temporary password not set');
      await deps.audit.record({ actor, action: 'temporary-password.password-set', subject: dn, requestId,
        result: error ? 'failed' : 'ok',
        detail: error ? { ...detail, failure: error instanceof DirectoryError ? error.failure : 'unexpected' } : detail });
    },
  });
  if (result.kind === 'none-changed') {
    const unavailable = result.error instanceof DirectoryError && result.error.failure === 'unavailable';
    return end(claimed, unavailable ? 'directory-unavailable' : 'set-failed', requestId);
  }

  const changed = current.filter((account) => result.changed.includes(account.dn));
  const { unlocked, stillLocked } = await unlockChosen(deps, changed, choice, actor, requestId);
  const done = await deliver(deps, state, choice, changed, password, requestId);
  const screen: DoneScreen = {
    step: 'done',
    ...done,
    accounts: changed.map((account) => account.username),
    notSet: result.kind === 'partly-changed' ? current.filter((a) => result.failed.includes(a.dn)).map((a) => a.username) : [],
    unlocked,
    stillLocked,
  };

  await deps.flows.save(claimed.key, claimed.version, { ...issuing, step: 'done' });
  const outcome = result.kind === 'all-changed' ? 'ok' : 'partly';
  await deps.audit.record({ actor, action: 'temporary-password.issued', subject: changed[0]?.dn, result: 'ok', requestId,
    detail: { ...detail, accounts: changed.length, targets: changed.map((account) => account.dn).join('; '), result: outcome,
      delivered: !done.deliveryFailed } });
  await deps.helpdeskLog.post({
    kind: 'issued', operatorUserId: state.userId, accounts: changed.map(describeAccount), verification: choice.verification,
    ticket: choice.ticket, delivery: choice.delivery, result: outcome,
  }).catch((error: unknown) => deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' },
    'help-desk log channel post failed'));
  return { locale: state.locale, screen };
}

class AccountsChanged extends Error {}

/** Each chosen account as the directory has it now: still there, enabled and not protected. */
async function recheckAccounts(deps: TemporaryPasswordDeps, chosen: Candidate[], actor: string, requestId: string): Promise<Account[]> {
  const current: Account[] = [];
  for (const candidate of chosen) {
    const account = await deps.directory.getAccount(candidate.dn);
    const protection = account ? await deps.directory.helpdeskProtection(account.dn, deps.settings.protectedGroups) : undefined;
    if (!account || account.disabled || protection) {
      await deps.audit.record({ actor, action: 'temporary-password.account-changed', subject: candidate.dn,
        result: 'refused', detail: { reason: !account ? 'gone' : account.disabled ? 'disabled' : 'protected' }, requestId });
      throw new AccountsChanged();
    }
    current.push(account);
  }
  return current;
}

/** The operator's unlock choice, for the accounts that are locked now; each unlock is its own audit event. */
async function unlockChosen(
  deps: TemporaryPasswordDeps,
  changed: Account[],
  choice: Choice,
  actor: string,
  requestId: string,
): Promise<{ unlocked: string[]; stillLocked: string[] }> {
  const unlocked: string[] = [];
  const stillLocked: string[] = [];
  for (const account of changed.filter((a) => a.locked)) {
    if (!choice.unlock) {
      stillLocked.push(account.username);
      continue;
    }
    try {
      await deps.directory.unlockAccount(account.dn);
      unlocked.push(account.username);
      await deps.audit.record({ actor, action: 'temporary-password.unlocked', subject: account.dn, result: 'ok', requestId });
    } catch (error) {
      logDirectoryError(deps.logger, error, requestId, 'unlock failed');
      stillLocked.push(account.username);
      await deps.audit.record({ actor, action: 'temporary-password.unlocked', subject: account.dn, result: 'failed', requestId,
        detail: { failure: error instanceof DirectoryError ? error.failure : 'unexpected' } });
    }
  }
  return { unlocked, stillLocked };
}

/**
 * Gets the password to the person as the operator chose, and tells them by DM and mail. If the
 * chosen way fails, the operator sees the password once instead (they have verified the caller),
 * rather than leaving an account with a password nobody knows.
 */
async function deliver(
  deps: TemporaryPasswordDeps,
  state: TemporaryPasswordState,
  choice: Choice,
  changed: Account[],
  password: string,
  requestId: string,
): Promise<Pick<DoneScreen, 'delivery' | 'shown' | 'deliveryFailed' | 'phoneEnding'>> {
  const actor = slackActor(state);
  const separator = /[^A-Za-z0-9]/.exec(password)?.[0] ?? '';
  const shown = { password, separator };
  const personLocale = (state.personSlackUserId
    ? (await deps.people.profile(state.personSlackUserId).catch(() => undefined))?.locale
    : undefined) ?? deps.settings.defaultLocale;
  let delivered = choice.delivery === 'show';
  let phoneEnding: string | undefined;

  if (choice.delivery === 'sms') {
    const phone = changed.find((account) => account.dn === state.phoneAccountDn)?.phone ?? changed.find((a) => a.phone)?.phone;
    // A number outside SMS_ALLOWED_COUNTRIES is never handed to the provider (checked at the choice too).
    if (phone && deps.smsDestinations.check(phone).allowed) {
      phoneEnding = phone.replace(/\D/g, '').slice(-2);
      try {
        const { messageId } = await deps.sms.send(phone, messagesFor(personLocale).temporaryPassword.smsPassword(password));
        delivered = true;
        await deps.audit.record({ actor, action: 'temporary-password.delivered', subject: state.phoneAccountDn ?? undefined,
          result: 'ok', detail: { delivery: 'sms', phone: maskPhone(phone), messageSid: messageId }, requestId });
      } catch (error) {
        deps.logger.warn({ requestId, err: error instanceof Error ? error.message : 'unknown' }, 'temporary password SMS not sent');
      }
    }
  }

  const notice = await notifyPerson(
    { messenger: deps.messenger, mailer: deps.mailer, logger: deps.logger, helpdeskContact: deps.settings.helpdeskContact,
      notices: deps.changeNotices },
    {
      slackUserId: state.personSlackUserId,
      mails: changed.map((account) => account.mail),
      accounts: changed.map((account) => account.username),
      operatorName: state.operatorName,
      locale: personLocale,
      at: deps.clock.now(),
      passwordForDm: choice.delivery === 'dm' ? password : undefined,
    },
  );
  if (choice.delivery === 'dm') {
    delivered = notice.dmSent;
    if (delivered) {
      await deps.audit.record({ actor, action: 'temporary-password.delivered', subject: changed[0]?.dn, result: 'ok',
        detail: { delivery: 'dm' }, requestId });
    }
  }
  if (!delivered) {
    await deps.audit.record({ actor, action: 'temporary-password.delivered', subject: changed[0]?.dn, result: 'failed',
      detail: { delivery: choice.delivery, fallback: 'show' }, requestId });
  }
  return {
    delivery: choice.delivery,
    shown: choice.delivery === 'show' || !delivered ? shown : undefined,
    deliveryFailed: !delivered,
    phoneEnding,
  };
}
