import type { Directory, LockoutStatus } from '../../directory/directory';
import { HOUR_MS, type LimitRule } from '../../regulation/limit-rule';
import type { Limiter } from '../../regulation/limiter';

/** passdesk stops asking this many tries before the directory's lockout threshold, at least. */
export const LOCKOUT_MARGIN = 2;
/** The threshold assumed when the directory's cannot be read: a strict one, so a try is spared. */
export const ASSUMED_THRESHOLD = 3;
/** How long wrong current passwords are remembered (and so how long passdesk stops asking). */
export const WRONG_CURRENT_WINDOW_MS = HOUR_MS;

/**
 * How many wrong current passwords passdesk may let through for one account: the directory's
 * threshold less the margin, so passdesk never locks an account itself; where nothing locks,
 * the general wrong-answer allowance.
 */
export function allowedWrongTries(threshold: LockoutStatus['threshold'], neverLockedAllowance: number): number {
  if (threshold === 'never') return neverLockedAllowance;
  const effective = threshold === 'unknown' ? ASSUMED_THRESHOLD : threshold;
  return Math.max(0, effective - LOCKOUT_MARGIN);
}

/**
 * Wrong current passwords, counted in the store per account and per Slack user (across flows
 * and restarts), held against what the directory itself has counted.
 */
export class WrongCurrentGuard {
  constructor(private readonly deps: { directory: Directory; limiter: Limiter; wrongAnswersPerHour: number }) {}

  /** Tries left for `dn` before passdesk stops asking; 0: stop now. */
  async triesLeft(dn: string): Promise<number> {
    const status = await this.deps.directory.lockoutStatus(dn);
    const allowed = allowedWrongTries(status.threshold, this.deps.wrongAnswersPerHour);
    const ours = await this.deps.limiter.used(this.rule(), { account: dn });
    return Math.max(0, allowed - Math.max(ours, status.failures));
  }

  /** The person has typed too many wrong current passwords, whichever accounts. */
  async personStopped(slackUser: string): Promise<boolean> {
    return (await this.deps.limiter.used(this.rule(), { slackUser })) >= this.deps.wrongAnswersPerHour;
  }

  async recordWrong(slackUser: string, dn: string): Promise<void> {
    await this.deps.limiter.record(this.rule(), { slackUser, accounts: [dn] });
  }

  private rule(): LimitRule {
    return WrongCurrentGuard.rule(this.deps.wrongAnswersPerHour);
  }

  /** The counters of wrong current passwords: per account and per Slack user, an hour. */
  static rule(wrongAnswersPerHour: number): LimitRule {
    return { name: 'wrong-current-password', limit: wrongAnswersPerHour, windowMs: WRONG_CURRENT_WINDOW_MS };
  }
}
