import { createHash } from 'node:crypto';
import type { Clock } from '../clock/clock';
import type { Store } from '../store/store';

export type LimitedAction = 'flow' | 'sms' | 'wrong-answer';

export interface LimitSettings {
  flowsPerDay: number;
  smsPerHour: number;
  wrongAnswersPerHour: number;
}

/** Who an action is counted against: the Slack user, each directory account, the phone. */
export interface LimitSubjects {
  slackUser: string;
  accounts?: string[];
  phone?: string;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Sliding-window limits kept in the store, so they hold across restarts and replicas.
 * An action is refused when any of its subjects has used up its allowance.
 */
export class Limiter {
  constructor(
    private readonly store: Store,
    private readonly settings: LimitSettings,
    private readonly clock: Clock,
  ) {}

  async isExhausted(action: LimitedAction, subjects: LimitSubjects): Promise<boolean> {
    const { limit, windowMs } = this.rule(action);
    const now = this.clock.now();
    for (const key of this.keys(action, subjects)) {
      if ((await this.store.count(key, windowMs, now)) >= limit) return true;
    }
    return false;
  }

  async record(action: LimitedAction, subjects: LimitSubjects): Promise<void> {
    const { windowMs } = this.rule(action);
    const now = this.clock.now();
    for (const key of this.keys(action, subjects)) await this.store.hit(key, windowMs, now);
  }

  private rule(action: LimitedAction): { limit: number; windowMs: number } {
    switch (action) {
      case 'flow': return { limit: this.settings.flowsPerDay, windowMs: DAY };
      case 'sms': return { limit: this.settings.smsPerHour, windowMs: HOUR };
      case 'wrong-answer': return { limit: this.settings.wrongAnswersPerHour, windowMs: HOUR };
    }
  }

  private keys(action: LimitedAction, subjects: LimitSubjects): string[] {
    const keys = [`limit:${action}:user:${subjects.slackUser}`];
    for (const dn of subjects.accounts ?? []) keys.push(`limit:${action}:account:${dn.toLowerCase()}`);
    // The store never holds a phone number in clear, not even in a counter key.
    if (subjects.phone) keys.push(`limit:${action}:phone:${digest(subjects.phone.replace(/\D/g, ''))}`);
    return keys;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
