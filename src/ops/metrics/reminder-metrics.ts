import type { SweepReport } from '../../flows/expiry-reminders/expiry-sweep';
import type { AuditEvent } from '../../store/audit-store';
import type { PassdeskMetrics } from './metrics';

const RESULTS = new Set(['sent', 'failed', 'skipped']);
const CHANNELS = new Set(['slack', 'mail']);

/**
 * One sweep's duration, by result: `ok` (everything due was sent, or had been), `unfinished`
 * (something failed or was left for the next sweep, or the bot was stopping), `failed` (it broke
 * off: the directory could not be searched).
 */
export async function meteredSweep(metrics: PassdeskMetrics, run: () => Promise<SweepReport>): Promise<SweepReport> {
  const end = metrics.reminderSweepDuration.startTimer();
  try {
    const report = await run();
    end({ result: report.finished ? 'ok' : 'unfinished' });
    return report;
  } catch (error) {
    end({ result: 'failed' });
    throw error;
  }
}

/**
 * Reminders per account, read from the audit events the sweep writes for each one
 * (`expiry-reminder.sent|failed|skipped` with its channel): `none` where no channel was chosen
 * (no mail address, or the Slack look-up failed).
 */
export function countReminderEvent(event: AuditEvent, metrics: PassdeskMetrics): void {
  const prefix = 'expiry-reminder.';
  if (!event.action.startsWith(prefix)) return;
  const result = event.action.slice(prefix.length);
  if (!RESULTS.has(result)) return;
  const channel = typeof event.detail?.channel === 'string' && CHANNELS.has(event.detail.channel) ? event.detail.channel : 'none';
  metrics.reminders.inc({ channel, result });
}
