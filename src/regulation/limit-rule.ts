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

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
