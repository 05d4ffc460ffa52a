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
 * Settled checks are forgotten a little before the checks they settle (a check takes seconds):
 * at the end of the window a check then briefly counts as still under way, never the reverse.
 */
const SETTLED_WINDOW_MS = WRONG_CURRENT_WINDOW_MS - 2 * 60_000;

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
 * A lockout threshold of 1 or 2 leaves no try inside the margin: passdesk never checks such an
 * account's current password (a wrong one could lock it), and says why in its own words.
 */
export function tooLowToCheck(threshold: LockoutStatus['threshold']): boolean {
  return typeof threshold === 'number' && threshold <= LOCKOUT_MARGIN;
}

/** A check taken, with the tries that were left before it; or why none was taken. */
export type Reservation =
  | { kind: 'reserved'; triesLeft: number }
  /** Too many wrong tries lately (passdesk's count or the directory's, checks under way included). */
  | { kind: 'stopped' }
  /** The account's policy locks it too soon for any check to be safe (`tooLowToCheck`). */
  | { kind: 'threshold-too-low' };

/** How one reserved check of a current password ended. */
export type CheckResult = 'right' | 'wrong' | 'not-tried';

/**
 * Wrong current passwords, counted in the store per account and per Slack user (across flows
 * and restarts), held against what the directory itself has counted.
 *
 * Checks running at the same time (a form submitted twice, several modals, several replicas)
 * must not together go past the allowance: the directory counts a wrong bind only once it has
 * happened. So each check is first reserved, atomically in the store, and settled afterwards;
 * a reserved check not yet settled counts as a wrong one.
 */
export class WrongCurrentGuard {
  constructor(private readonly deps: { directory: Directory; limiter: Limiter; wrongAnswersPerHour: number }) {}

  /** Tries left for `dn` before passdesk stops asking, checks under way counted as wrong; 0: stop now. */
  async triesLeft(dn: string): Promise<number> {
    const { settled, attempts, wrong, allowed, failures } = await this.counts(dn);
    return Math.max(0, allowed - Math.max(wrong, failures) - Math.max(0, attempts - settled));
  }

  /**
   * Takes one check of `dn`'s current password, or none when passdesk must not ask. A check taken
   * carries the tries that were left before it; settle it with `settle`.
   */
  async reserve(dn: string): Promise<Reservation> {
    const { settled, attempts, wrong, allowed, failures, threshold } = await this.counts(dn);
    if (tooLowToCheck(threshold)) return { kind: 'threshold-too-low' };
    // The store takes the check only while (checks taken − checks settled) stays below what the
    // wrong ones leave. `settled` was read first and only grows, so a late read errs on the safe side.
    const limit = allowed - Math.max(wrong, failures) + settled;
    if (!(await this.deps.limiter.consume({ ...this.checks(), limit }, { accounts: [dn] }))) return { kind: 'stopped' };
    return { kind: 'reserved', triesLeft: Math.max(1, limit - attempts) };
  }

  /** Ends a reserved check; a wrong password is counted against the account and the Slack user. */
  async settle(slackUser: string, dn: string, result: CheckResult): Promise<void> {
    if (result === 'wrong') await this.recordWrong(slackUser, dn);
    await this.deps.limiter.record(this.settledChecks(), { accounts: [dn] });
  }

  /** The person has typed too many wrong current passwords, whichever accounts. */
  async personStopped(slackUser: string): Promise<boolean> {
    return (await this.deps.limiter.used(this.rule(), { slackUser })) >= this.deps.wrongAnswersPerHour;
  }

  async recordWrong(slackUser: string, dn: string): Promise<void> {
    await this.deps.limiter.record(this.rule(), { slackUser, accounts: [dn] });
  }

  /** Read in this order (settled first): see `reserve`. */
  private async counts(dn: string) {
    const settled = await this.deps.limiter.used(this.settledChecks(), { account: dn });
    const attempts = await this.deps.limiter.used(this.checks(), { account: dn });
    const wrong = await this.deps.limiter.used(this.rule(), { account: dn });
    const status = await this.deps.directory.lockoutStatus(dn);
    return {
      settled, attempts, wrong, failures: status.failures, threshold: status.threshold,
      allowed: allowedWrongTries(status.threshold, this.deps.wrongAnswersPerHour),
    };
  }

  private rule(): LimitRule {
    return WrongCurrentGuard.rule(this.deps.wrongAnswersPerHour);
  }

  private checks(): LimitRule {
    return WrongCurrentGuard.rules(this.deps.wrongAnswersPerHour)[1];
  }

  private settledChecks(): LimitRule {
    return WrongCurrentGuard.rules(this.deps.wrongAnswersPerHour)[2];
  }

  /** The counters of wrong current passwords: per account and per Slack user, an hour. */
  static rule(wrongAnswersPerHour: number): LimitRule {
    return { name: 'wrong-current-password', limit: wrongAnswersPerHour, windowMs: WRONG_CURRENT_WINDOW_MS };
  }

  /** Every counter the guard keeps (for pruning): wrong passwords, checks taken, checks settled. */
  static rules(wrongAnswersPerHour: number): LimitRule[] {
    return [
      WrongCurrentGuard.rule(wrongAnswersPerHour),
      { name: 'current-password-check', limit: wrongAnswersPerHour, windowMs: WRONG_CURRENT_WINDOW_MS },
      { name: 'current-password-check-settled', limit: wrongAnswersPerHour, windowMs: SETTLED_WINDOW_MS },
    ];
  }
}
