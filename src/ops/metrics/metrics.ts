import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric passdesk exposes at `GET /metrics`, in one registry per running bot
 * (never prom-client's global one, so two bots in one process do not mix).
 *
 * Labels name kinds of things only: a journey, an outcome, a limit, an operation, a Slack method
 * or error code. None ever carries a user, an account, a mail address or a phone number, and
 * each value passes through `labelValue`, so no free text can turn into a label.
 */
export class PassdeskMetrics {
  readonly registry = new Registry();

  readonly journeysStarted = new Counter({
    name: 'passdesk_journeys_started_total',
    help: 'Journeys started (a /password run counts even when it is refused at once).',
    labelNames: ['journey'] as const,
    registers: [this.registry],
  });

  readonly journeysFinished = new Counter({
    name: 'passdesk_journeys_finished_total',
    help: 'Journeys finished, by outcome: completed, or why they ended (no-phone, rate-limited, too-many-code-attempts...).',
    labelNames: ['journey', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly sms = new Counter({
    name: 'passdesk_sms_total',
    help: 'SMS handed to the provider: sent, or failed (refused by the provider or not reached).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly limitRefusals = new Counter({
    name: 'passdesk_limit_refusals_total',
    help: 'Actions refused because a limit was used up, by limit (sms, flow, wrong-answer...).',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly directoryDuration = new Histogram({
    name: 'passdesk_directory_operation_duration_seconds',
    help: 'Directory operations (LDAP / Active Directory), by operation, failed ones included.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly directoryErrors = new Counter({
    name: 'passdesk_directory_errors_total',
    help: 'Directory operations that failed, by operation and kind (unavailable, policy, insufficient-rights...).',
    labelNames: ['operation', 'kind'] as const,
    registers: [this.registry],
  });

  readonly slackErrors = new Counter({
    name: 'passdesk_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and error (the Slack error code, http_<status>, or network).',
    labelNames: ['method', 'error'] as const,
    registers: [this.registry],
  });

  readonly slackRateLimited = new Counter({
    name: 'passdesk_slack_api_rate_limited_total',
    help: 'Slack Web API calls answered 429 (rate limited), by method.',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });

  readonly storeDuration = new Histogram({
    name: 'passdesk_store_operation_duration_seconds',
    help: 'Store operations (flows, limits, claims, audit), by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly storeErrors = new Counter({
    name: 'passdesk_store_errors_total',
    help: 'Store operations that failed, by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  /** Fed by the bot's expiry-reminder sweeps (reminder-metrics.ts): one observation per sweep. */
  readonly reminderSweepDuration = new Histogram({
    name: 'passdesk_reminder_sweep_duration_seconds',
    help: 'How long one expiry-reminder sweep took, by result (ok; unfinished: something failed or was left for the next sweep; failed: it broke off).',
    labelNames: ['result'] as const,
    buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });

  /** Fed by the expiry-reminder sweep's audit events (reminder-metrics.ts): one increment per account. */
  readonly reminders = new Counter({
    name: 'passdesk_reminders_total',
    help: 'Expiry reminders per account, by channel (slack, mail; none: no channel could be chosen) and result (sent, failed, skipped: no address to send it to).',
    labelNames: ['channel', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition text and its content type, for `GET /metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * A label value from a fixed vocabulary (`views.open`, `invalid_auth`, `too-many-code-attempts`):
 * anything else (free text, an address, digits of a phone) becomes `other`.
 */
export function labelValue(value: unknown): string {
  if (typeof value !== 'string') return 'other';
  return /^[a-z][a-zA-Z0-9_.:-]{0,63}$/.test(value) && !/\d{4}/.test(value) ? value : 'other';
}
