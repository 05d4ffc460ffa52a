import type { Config } from '../../config';
import { DAY_MS, HOUR_MS, type LimitRule } from '../../regulation/limit-rule';

/** The limits of `/password`, from `LIMIT_*`; counted per Slack user, account and phone, and per team. */
export interface ResetLimits {
  /** Flows started, refused ones included: per Slack user before the look-up, per account and phone after. */
  flow: LimitRule;
  /** Flows started in one Slack team, all its people together. */
  teamFlow: LimitRule;
  sms: LimitRule;
  wrongAnswer: LimitRule;
}

export function resetLimits(limits: Config['limits']): ResetLimits {
  return {
    flow: { name: 'flow', limit: limits.flowsPerDay, windowMs: DAY_MS },
    teamFlow: { name: 'team-flow', limit: limits.flowsPerTeamPerHour, windowMs: HOUR_MS },
    sms: { name: 'sms', limit: limits.smsPerHour, windowMs: HOUR_MS },
    wrongAnswer: { name: 'wrong-answer', limit: limits.wrongAnswersPerHour, windowMs: HOUR_MS },
  };
}

