/**
 * One limit a journey declares: at most `limit` events per subject within `windowMs`. The
 * `name` names the counters: journeys that declare the same name share them (one SMS
 * allowance per phone, whichever journey sends). Limits come from the config, never literals.
 */
export interface LimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

export { DAY_MS, HOUR_MS } from '../clock/durations';

/** The longest window among `rules`: counter events older than that count for nothing. */
export function longestWindowMs(rules: LimitRule[]): number {
  return Math.max(0, ...rules.map((rule) => rule.windowMs));
}

/**
 * Refusals by `rule` are audited once per subject and window of that rule, so that a flood of
 * refused requests cannot write a flood of audit rows (the first one says it all).
 */
export function refusalAuditedOnce(rule: LimitRule): LimitRule {
  return { name: `${rule.name}-refusal-audited`, limit: 1, windowMs: rule.windowMs };
}
