import { createHmac } from 'node:crypto';
import type { Clock } from '../clock/clock';
import type { LimitStore } from '../store/limit-store';
import type { LimitRule } from './limit-rule';

/** Who an action is counted against: the Slack user, the Slack team, each directory account, the phone. */
export interface LimitSubjects {
  slackUser?: string;
  /** The Slack team (workspace) as a whole: a ceiling on everyone in it together. */
  team?: string;
  accounts?: string[];
  phone?: string;
}

/**
 * Sliding-window limits kept in the store, so they hold across restarts and replicas.
 * An action is refused when any of its subjects has used up its allowance.
 */
export class Limiter {
  constructor(
    private readonly store: LimitStore,
    private readonly clock: Clock,
    /** PASSDESK_SECRET_KEY: phone numbers in counter keys are keyed hashes of it. */
    private readonly secretKey: string,
  ) {}

  /** Counts one action against every subject, in one atomic step; false (and nothing counted) when any is used up. */
  async consume(rule: LimitRule, subjects: LimitSubjects): Promise<boolean> {
    return this.store.consume(this.keysOf(rule, subjects), rule.limit, rule.windowMs, this.clock.now());
  }

  /** Whether any subject has used up its allowance; counts nothing. */
  async isExhausted(rule: LimitRule, subjects: LimitSubjects): Promise<boolean> {
    return this.store.isExhausted(this.keysOf(rule, subjects), rule.limit, rule.windowMs, this.clock.now());
  }

  /** Counts one event against every subject even past the limit (wrong answers: counted, then refused later). */
  async record(rule: LimitRule, subjects: LimitSubjects): Promise<void> {
    await this.store.record(this.keysOf(rule, subjects), this.clock.now());
  }

  private keysOf(rule: LimitRule, subjects: LimitSubjects): string[] {
    const keys: string[] = [];
    if (subjects.slackUser) keys.push(userKey(rule, subjects.slackUser));
    if (subjects.team) keys.push(`limit:${rule.name}:team:${subjects.team}`);
    for (const dn of subjects.accounts ?? []) keys.push(accountKey(rule, dn));
    if (subjects.phone) keys.push(`limit:${rule.name}:phone:${this.phoneDigest(subjects.phone)}`);
    // With no subject, `consume` would allow anything: a caller's mistake, not a free pass.
    if (keys.length === 0) throw new Error(`limit ${rule.name}: no subject to count against`);
    return keys;
  }

  /**
   * The store never holds a phone number in clear, not even in a counter key; and a plain hash
   * would not do either (there are few enough phone numbers to hash them all), so it is keyed.
   */
  private phoneDigest(phone: string): string {
    // 128 bits: far past any chance of two phones sharing a counter.
    return createHmac('sha256', this.secretKey).update(`phone:${phone.replace(/\D/g, '')}`).digest('hex').slice(0, 32);
  }

  /** How many events one subject has in the rule's window (e.g. wrong passwords for one account). */
  async used(rule: LimitRule, subject: { slackUser: string } | { account: string }): Promise<number> {
    const key = 'slackUser' in subject ? userKey(rule, subject.slackUser) : accountKey(rule, subject.account);
    return this.store.count(key, rule.windowMs, this.clock.now());
  }
}

const userKey = (rule: LimitRule, slackUser: string) => `limit:${rule.name}:user:${slackUser}`;
const accountKey = (rule: LimitRule, dn: string) => `limit:${rule.name}:account:${dn.toLowerCase()}`;
