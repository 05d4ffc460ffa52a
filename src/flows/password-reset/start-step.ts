import { slackActor } from '../../audit/actor';
import { MINUTE_MS } from '../../clock/durations';
import type { FoundAccount } from '../../directory/directory';
import { type LimitRule, refusalAuditedOnce } from '../../regulation/limit-rule';
import type { FlowKey } from '../shared/flow-repository';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { chooseAccounts } from '../shared/choose-accounts';
import type { PasswordResetDeps } from './journey-types';
import { type EndReason, identityScreen, type ResetOutcome } from './reset-screen';
import { newResetState } from './reset-state';

/**
 * Step 0, `/password`: finds the person's accounts from their confirmed Slack email, decides
 * whose phone proves them, and opens the flow at the identity check. Every refusal is audited.
 */
export async function startReset(deps: PasswordResetDeps, key: FlowKey, requester: Requester): Promise<ResetOutcome> {
  const { directory, limiter, limits, audit, clock, settings } = deps;
  const locale = requester.locale;
  const actor = slackActor(requester);
  const user = { slackUser: actor };
  const refuse = async (reason: EndReason, subject?: string, detail: Record<string, string | number> = {}): Promise<ResetOutcome> => {
    await audit.record({ actor, action: 'password-reset.refused', subject, result: 'refused',
      detail: { reason, ...detail }, requestId: requester.requestId });
    return endedOutcome(locale, reason);
  };
  /** A limit said no: audited once per person and window, so a flood writes no flood of rows. */
  const limited = async (rule: LimitRule, subject?: string): Promise<ResetOutcome> => {
    if (await limiter.consume(refusalAuditedOnce(rule), user)) return refuse('rate-limited', subject, { limit: rule.name });
    deps.logger.info({ requestId: requester.requestId, limit: rule.name }, 'start refused by a limit, already audited');
    return endedOutcome(locale, 'rate-limited');
  };

  // Every start counts, the refused ones too, before any look-up: first the person's own
  // allowance, then the team's (so that one person asking again and again cannot use it up).
  if (!(await limiter.consume(limits.flow, user))) return limited(limits.flow);
  if (!(await limiter.consume(limits.teamFlow, { team: requester.teamId }))) return limited(limits.teamFlow);
  if (await limiter.isExhausted(limits.wrongAnswer, user)) return limited(limits.wrongAnswer);
  if (!requester.verifiedEmail) return refuse('no-verified-email');

  let found: FoundAccount[];
  try {
    found = await directory.findAccountsByMail(requester.verifiedEmail);
  } catch (error) {
    logDirectoryError(deps.logger, error, requester.requestId, 'directory call failed');
    return refuse('directory-unavailable');
  }
  const choice = chooseAccounts(found, { linkedAccountsSharePhone: settings.linkedAccountsSharePhone });
  if (choice.kind === 'refused') return refuse(choice.reason, choice.subject, choice.detail);
  const { active, disabled, phoneAccount } = choice;

  // The person was counted above; now their accounts and phone, whoever asks for them.
  const targets = { accounts: active.map((a) => a.dn), phone: phoneAccount.phone };
  if (await limiter.isExhausted(limits.wrongAnswer, targets)) return limited(limits.wrongAnswer, phoneAccount.dn);
  if (!(await limiter.consume(limits.flow, targets))) return limited(limits.flow, phoneAccount.dn);

  const state = newResetState({
    key,
    locale,
    expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE_MS,
    active,
    disabled,
    phoneAccountDn: phoneAccount.dn,
    arithmeticChallenge: settings.arithmeticChallenge,
  });
  await deps.flows.create(key, state);
  await audit.record({ actor, action: 'password-reset.started', subject: phoneAccount.dn, result: 'ok',
    detail: { accounts: state.accounts.length }, requestId: requester.requestId });
  return { locale, screen: identityScreen(state) };
}
