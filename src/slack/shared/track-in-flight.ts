import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InFlightWork } from '../../ops/shutdown/in-flight-work';

/**
 * Global middleware: every event is in flight until its listeners are done (they run on after
 * the ack, opening and updating modals), so a stop waits for them instead of cutting them off.
 */
export function trackInFlight(work: InFlightWork): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await work.track(next);
  };
}
