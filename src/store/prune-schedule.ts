import type { Clock } from '../clock/clock';
import { HOUR_MS } from '../clock/durations';
import type { Logger } from '../log/logger';
import type { Housekeeping } from './housekeeping';

export interface PruneSettings {
  /**
   * How long counter events are kept: the longest window of any limit rule (see
   * `longestWindowMs`), so no limit ever loses an event it still counts.
   */
  keepCountersMs: number;
  /** How often to prune (default hourly: the store stays small, and the work is cheap). */
  everyMs?: number;
}

/**
 * Drops expired flows and spent counter events on a schedule, so the store stays small.
 * Returns the function that stops it. The timer does not keep the process alive.
 */
export function schedulePruning(store: Housekeeping, clock: Clock, logger: Logger, settings: PruneSettings): () => void {
  const prune = () => {
    const now = clock.now();
    store
      .prune(now, new Date(now.getTime() - settings.keepCountersMs))
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'store prune failed'));
  };
  const timer = setInterval(prune, settings.everyMs ?? HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
