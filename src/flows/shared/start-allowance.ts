import { slackActor } from '../../audit/actor';
import type { Config } from '../../config';
import { DAY_MS, HOUR_MS, type LimitRule, refusalAuditedOnce } from '../../regulation/limit-rule';
import type { Limiter } from '../../regulation/limiter';
import type { Requester } from './requester';

/** How often one person, and one Slack team together, may start a journey. */
export interface StartRules {
  flow: LimitRule;
  teamFlow: LimitRule;
}

/** The start limits of every journey that sends a code (the reset's rules, so their counters are shared). */
export interface StartLimits extends StartRules {
  wrongAnswer: LimitRule;
}

/**
 * The start rules of a journey that sends no code (change a known password, forgot my username):
 * `LIMIT_FLOWS_PER_DAY` per person and `LIMIT_FLOWS_PER_TEAM_PER_HOUR` per team, counted apart
 * from the reset's, so looking up one's username does not use up the allowance of a reset.
 */
export function journeyStartRules(journey: string, limits: Config['limits']): StartRules {
  return {
    flow: { name: `${journey}-start`, limit: limits.flowsPerDay, windowMs: DAY_MS },
    teamFlow: { name: `team-${journey}-start`, limit: limits.flowsPerTeamPerHour, windowMs: HOUR_MS },
  };
}

export type StartCount =
  | { allowed: true }
  /** `firstRefusal`: the person's first refusal by `rule` in its window, to be audited (later ones are not). */
  | { allowed: false; rule: LimitRule; firstRefusal: boolean };

/** Counts one start against the person, then against the team; the rule that refused it, if one did. */
async function consumeStart(limiter: Limiter, rules: StartRules, requester: Requester): Promise<LimitRule | undefined> {
  if (!(await limiter.consume(rules.flow, { slackUser: slackActor(requester) }))) return rules.flow;
  // After the person's own: one person asking again and again cannot use up the team's allowance.
  if (!(await limiter.consume(rules.teamFlow, { team: requester.teamId }))) return rules.teamFlow;
  return undefined;
}

/**
 * Before any look-up, refused starts included: the start counts against the person and the team.
 * A refusal is marked for the audit once per person and window, so a flood of refused starts
 * writes no flood of audit rows.
 */
export async function countStart(limiter: Limiter, rules: StartRules, requester: Requester): Promise<StartCount> {
  const rule = await consumeStart(limiter, rules, requester);
  if (!rule) return { allowed: true };
  return { allowed: false, rule, firstRefusal: await limiter.consume(refusalAuditedOnce(rule), { slackUser: slackActor(requester) }) };
}

/**
 * Before any look-up: the start counts against the person and the team, refused ones included,
 * and a person past their wrong-answer allowance does not start again.
 */
export async function personMayStart(limiter: Limiter, limits: StartLimits, requester: Requester): Promise<boolean> {
  if (await consumeStart(limiter, limits, requester)) return false;
  return !(await limiter.isExhausted(limits.wrongAnswer, { slackUser: slackActor(requester) }));
}

/** After the look-up: the same against the accounts and the phone, whoever asks for them. */
export async function accountsMayStart(limiter: Limiter, limits: StartLimits, targets: { accounts: string[]; phone: string }): Promise<boolean> {
  if (await limiter.isExhausted(limits.wrongAnswer, targets)) return false;
  return limiter.consume(limits.flow, targets);
}
