import { slackActor } from '../../audit/actor';
import type { LimitRule } from '../../regulation/limit-rule';
import type { Limiter } from '../../regulation/limiter';
import type { Requester } from './requester';

/** The start limits of every journey that sends a code (the reset's rules, so their counters are shared). */
export interface StartLimits {
  flow: LimitRule;
  teamFlow: LimitRule;
  wrongAnswer: LimitRule;
}

/**
 * Before any look-up: the start counts against the person and the team, refused ones included,
 * and a person past their wrong-answer allowance does not start again.
 */
export async function personMayStart(limiter: Limiter, limits: StartLimits, requester: Requester): Promise<boolean> {
  const user = { slackUser: slackActor(requester) };
  if (!(await limiter.consume(limits.flow, user))) return false;
  if (!(await limiter.consume(limits.teamFlow, { team: requester.teamId }))) return false;
  return !(await limiter.isExhausted(limits.wrongAnswer, user));
}

/** After the look-up: the same against the accounts and the phone, whoever asks for them. */
export async function accountsMayStart(limiter: Limiter, limits: StartLimits, targets: { accounts: string[]; phone: string }): Promise<boolean> {
  if (await limiter.isExhausted(limits.wrongAnswer, targets)) return false;
  return limiter.consume(limits.flow, targets);
}
