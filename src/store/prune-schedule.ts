import type { Clock } from '../clock/clock';
import type { Logger } from '../log/logger';
import type { Housekeeping } from './housekeeping';

const HOUR = 60 * 60 * 1000;
/** Counter events older than the longest limit window (a day) count for nothing. */
const KEEP_COUNTERS_MS = 25 * HOUR;

/**
 * Drops expired flows and spent counter events every hour, so the store stays small.
 * Returns the function that stops it. The timer does not keep the process alive.
 */
export function schedulePruning(store: Housekeeping, clock: Clock, logger: Logger, everyMs = HOUR): () => void {
  const prune = () => {
    const now = clock.now();
    store
      .prune(now, new Date(now.getTime() - KEEP_COUNTERS_MS))
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'store prune failed'));
  };
  const timer = setInterval(prune, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
