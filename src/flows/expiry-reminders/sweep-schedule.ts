/**
 * The daily sweep inside the bot: `REMINDER_CRON` in `REMINDER_TZ` (croner). A sweep never overlaps
 * the previous one. Stopping the schedule starts no new sweep; a running one is the bot's to let
 * finish (see `BotSweeps`).
 */
import { Cron } from 'croner';
import type { Logger } from '../../log/logger';

export interface SweepSchedule {
  stop(): void;
}

export function scheduleSweeps(
  sweep: () => Promise<unknown>,
  settings: { cron: string; timeZone?: string },
  logger: Logger,
): SweepSchedule {
  const job = new Cron(settings.cron, { timezone: settings.timeZone, protect: true, unref: true }, async () => {
    try {
      await sweep();
    } catch (error) {
      logger.error({ err: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }, 'expiry reminder sweep failed');
    }
  });
  logger.info({ cron: settings.cron, timeZone: settings.timeZone ?? 'server', next: job.nextRun()?.toISOString() }, 'expiry reminders scheduled');
  return { stop: () => job.stop() };
}
