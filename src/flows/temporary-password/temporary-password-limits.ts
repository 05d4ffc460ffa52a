import type { Config } from '../../config';
import { DAY_MS, HOUR_MS, type LimitRule } from '../../regulation/limit-rule';

/** The help desk's limits, from `LIMIT_HELPDESK_*`, and the SMS and wrong-answer ones it shares with `/password`. */
export interface TemporaryPasswordLimits {
  /** Temporary passwords one operator issues per hour. */
  perOperator: LimitRule;
  /** Temporary passwords one account gets per day. */
  perTarget: LimitRule;
  /** SMS per account and phone (same counters as `/password`: one allowance per phone). */
  sms: LimitRule;
  wrongAnswer: LimitRule;
}

export function temporaryPasswordLimits(helpdesk: Config['helpdesk']['limits'], shared: Config['limits']): TemporaryPasswordLimits {
  return {
    perOperator: { name: 'helpdesk-operator', limit: helpdesk.perOperatorPerHour, windowMs: HOUR_MS },
    perTarget: { name: 'helpdesk-target', limit: helpdesk.perTargetPerDay, windowMs: DAY_MS },
    sms: { name: 'sms', limit: shared.smsPerHour, windowMs: HOUR_MS },
    wrongAnswer: { name: 'wrong-answer', limit: shared.wrongAnswersPerHour, windowMs: HOUR_MS },
  };
}
