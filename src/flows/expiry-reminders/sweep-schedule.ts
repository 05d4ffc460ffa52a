/**
 * The daily sweep inside the bot: `REMINDER_CRON` in `REMINDER_TZ` (croner). A sweep never overlaps
 * the previous one; stopping the bot stops the schedule and lets the running sweep finish the
 * reminder it is sending.
 */
import { Cron } from 'croner';
import type { Logger } from '../../log/logger';

export interface SweepSchedule {
  stop(): Promise<void>;
}

export function scheduleSweeps(
  sweep: (signal: AbortSignal) => Promise<unknown>,
  settings: { cron: string; timeZone?: string },
  logger: Logger,
): SweepSchedule {
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const job = new Cron(settings.cron, { timezone: settings.timeZone, protect: true, unref: true }, async () => {
    running = sweep(stopping.signal).then(
      () => undefined,
      (error: unknown) => {
        if (stopping.signal.aborted) return;
        logger.error({ err: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }, 'expiry reminder sweep failed');
      },
    );
    await running;
  });
  logger.info({ cron: settings.cron, timeZone: settings.timeZone ?? 'server', next: job.nextRun()?.toISOString() }, 'expiry reminders scheduled');
  return {
    async stop() {
      job.stop();
      stopping.abort();
      await running;
    },
  };
}
