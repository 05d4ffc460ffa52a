import { slackActor } from '../../audit/actor';
import type { FoundAccount } from '../../directory/directory';
import { newArithmeticChallenge } from '../shared/arithmetic-challenge';
import type { FlowKey } from '../shared/flow-repository';
import { logDirectoryError } from '../shared/log-directory-error';
import { endedOutcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { chooseAccounts } from './choose-accounts';
import type { PasswordResetDeps } from './journey-types';
import { type EndReason, identityScreen, type ResetOutcome } from './reset-screen';
import { newResetState } from './reset-state';

const MINUTE = 60_000;

/**
 * Step 0, `/password`: finds the person's accounts from their confirmed Slack email, decides
 * whose phone proves them, and opens the flow at the identity check. Every refusal is audited.
 */
export async function startReset(deps: PasswordResetDeps, key: FlowKey, requester: Requester): Promise<ResetOutcome> {
  const { directory, limiter, limits, audit, clock, settings } = deps;
  const locale = requester.locale;
  const actor = slackActor(requester);
  const refuse = async (reason: EndReason, subject?: string, detail?: Record<string, number>): Promise<ResetOutcome> => {
    await audit.record({ actor, action: 'password-reset.refused', subject, result: 'refused',
      detail: { reason, ...detail }, requestId: requester.requestId });
    return endedOutcome(locale, reason);
  };

  if (!requester.verifiedEmail) return refuse('no-verified-email');
  const user = { slackUser: actor };
  if ((await limiter.isExhausted(limits.flow, user)) || (await limiter.isExhausted(limits.wrongAnswer, user))) {
    return refuse('rate-limited');
  }

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

  const subjects = { ...user, accounts: active.map((a) => a.dn), phone: phoneAccount.phone };
  if ((await limiter.isExhausted(limits.wrongAnswer, subjects)) || !(await limiter.consume(limits.flow, subjects))) {
    return refuse('rate-limited', phoneAccount.dn);
  }

  const now = clock.now().getTime();
  const challenge = settings.arithmeticChallenge ? newArithmeticChallenge() : null;
  const state = newResetState({
    ref: key,
    locale,
    expiresAt: now + settings.flowTtlMinutes * MINUTE,
    active,
    disabled,
    phoneAccountDn: phoneAccount.dn,
    challenge,
  });
  await deps.flows.create(key, state);
  await audit.record({ actor, action: 'password-reset.started', subject: phoneAccount.dn, result: 'ok',
    detail: { accounts: state.accounts.length }, requestId: requester.requestId });
  return { locale, screen: identityScreen(state) };
}
