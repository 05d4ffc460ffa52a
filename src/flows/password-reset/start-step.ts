import { slackActor } from '../../audit/actor';
import { MINUTE_MS } from '../../clock/durations';
import { type LimitRule, refusalAuditedOnce } from '../../regulation/limit-rule';
import type { FlowKey } from '../shared/flow-repository';
import { accountsOfRequester, startRefusal } from '../shared/journey-start';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { chooseAccounts } from '../shared/choose-accounts';
import type { PasswordResetDeps } from './journey-types';
import type { ResetEndReason, ResetOutcome } from './reset-screen';
import { newResetState, type ResetState } from './reset-state';

/**
 * Step 0, `/password`: finds the person's accounts from their confirmed Slack email, decides
 * whose phone proves them, and opens the flow at the identity check. Every refusal is audited.
 */
export async function startReset(
  deps: PasswordResetDeps,
  key: FlowKey,
  requester: Requester,
  open: (state: ResetState) => Promise<ResetOutcome>,
): Promise<ResetOutcome> {
  const { directory, limiter, limits, clock, settings } = deps;
  const locale = requester.locale;
  const user = { slackUser: slackActor(requester) };
  const refuse = startRefusal<ResetEndReason>(deps.audit, requester, 'password-reset');
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
  const found = await accountsOfRequester(directory, deps.logger, requester);
  if (typeof found === 'string') return refuse(found);
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
  return open(state);
}
