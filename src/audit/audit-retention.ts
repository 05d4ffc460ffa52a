import type { Clock } from '../clock/clock';
import type { Logger } from '../log/logger';
import type { Housekeeping } from '../store/housekeeping';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Keeps the audit trail for `AUDIT_RETENTION_DAYS`: drops older events now and then every hour.
 * Returns the function that stops it; the timer does not keep the process alive.
 */
export function scheduleAuditRetention(
  store: Pick<Housekeeping, 'pruneAudit'>,
  retentionDays: number,
  clock: Clock,
  logger: Logger,
  everyMs = HOUR,
): () => void {
  const prune = () => {
    const horizon = new Date(clock.now().getTime() - retentionDays * DAY);
    store
      .pruneAudit(horizon)
      .then((dropped) => {
        if (dropped > 0) logger.info({ dropped, retentionDays }, 'audit events past retention dropped');
      })
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'audit prune failed'));
  };
  prune();
  const timer = setInterval(prune, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
