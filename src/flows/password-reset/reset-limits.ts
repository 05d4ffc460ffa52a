import type { Config } from '../../config';
import { DAY_MS, HOUR_MS, type LimitRule } from '../../regulation/limit-rule';

/** The limits of `/password`, from `LIMIT_*`; counted per Slack user, account and phone. */
export interface ResetLimits {
  flow: LimitRule;
  sms: LimitRule;
  wrongAnswer: LimitRule;
}

export function resetLimits(limits: Config['limits']): ResetLimits {
  return {
    flow: { name: 'flow', limit: limits.flowsPerDay, windowMs: DAY_MS },
    sms: { name: 'sms', limit: limits.smsPerHour, windowMs: HOUR_MS },
    wrongAnswer: { name: 'wrong-answer', limit: limits.wrongAnswersPerHour, windowMs: HOUR_MS },
  };
}
