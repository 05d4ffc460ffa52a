import { DirectoryError, type Directory } from '../../directory/directory';
import { Limiter } from '../../regulation/limiter';
import type { LimitRule } from '../../regulation/limit-rule';
import type { LimitSubjects } from '../../regulation/limiter';
import type { SmsSender } from '../../sms/sms-sender';
import type { Store } from '../../store/store';
import { labelValue, type PassdeskMetrics } from './metrics';
import { timed } from './timed';

/** The directory, timed per operation; a failure counted by its kind (`DirectoryError.failure`). */
export function meteredDirectory(directory: Directory, metrics: PassdeskMetrics): Directory {
  return timed(directory, (operation, seconds, error) => {
    metrics.directoryDuration.observe({ operation }, seconds);
    if (error !== undefined) {
      metrics.directoryErrors.inc({ operation, kind: error instanceof DirectoryError ? error.failure : 'unexpected' });
    }
    // passwordExpiries returns a stream at once: the sweep's own summary line carries its duration.
  }, ['close', 'passwordExpiries']);
}

/** The store, timed per operation (`consume`, `getFlow`, `appendAudit`...). */
export function meteredStore(store: Store, metrics: PassdeskMetrics): Store {
  return timed(store, (operation, seconds, error) => {
    metrics.storeDuration.observe({ operation }, seconds);
    if (error !== undefined) metrics.storeErrors.inc({ operation });
  }, ['close']);
}

/** SMS sent or failed at the provider. */
export class MeteredSmsSender implements SmsSender {
  constructor(private readonly inner: SmsSender, private readonly metrics: PassdeskMetrics) {}

  async send(to: string, body: string): Promise<{ messageId: string }> {
    try {
      const sent = await this.inner.send(to, body);
      this.metrics.sms.inc({ result: 'sent' });
      return sent;
    } catch (error) {
      this.metrics.sms.inc({ result: 'failed' });
      throw error;
    }
  }
}

/** The limiter, counting every refusal by the limit's name (an SMS refused by limits: `limit="sms"`). */
export class MeteredLimiter extends Limiter {
  constructor(
    store: ConstructorParameters<typeof Limiter>[0],
    clock: ConstructorParameters<typeof Limiter>[1],
    secretKey: ConstructorParameters<typeof Limiter>[2],
    private readonly metrics: PassdeskMetrics,
  ) {
    super(store, clock, secretKey);
  }

  override async consume(rule: LimitRule, subjects: LimitSubjects): Promise<boolean> {
    const granted = await super.consume(rule, subjects);
    if (!granted) this.metrics.limitRefusals.inc({ limit: labelValue(rule.name) });
    return granted;
  }

  override async isExhausted(rule: LimitRule, subjects: LimitSubjects): Promise<boolean> {
    const exhausted = await super.isExhausted(rule, subjects);
    if (exhausted) this.metrics.limitRefusals.inc({ limit: labelValue(rule.name) });
    return exhausted;
  }
}
