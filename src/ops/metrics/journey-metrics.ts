import type { AuditEvent, AuditStore } from '../../store/audit-store';
import { labelValue, type PassdeskMetrics } from './metrics';
import { countReminderEvent } from './reminder-metrics';

/** `<journey>.started`, or `<journey>.refused` (refused before it could start), count as a start. */
const STARTS = new Set(['started', 'refused']);
/** The audit events that end a journey; the outcome is `completed` or the event's `reason`. */
const FINISHES = new Set(['completed', 'ended', 'locked', 'refused']);

/**
 * Journeys started and finished, read from the audit trail every journey already writes
 * (`password-reset.started`, `password-reset.ended` with its reason...), so a journey needs no
 * metrics code of its own; expiry reminders likewise. Counted once the event is stored.
 */
export function countingJourneys(store: AuditStore, metrics: PassdeskMetrics): AuditStore {
  return {
    async appendAudit(event: AuditEvent): Promise<void> {
      await store.appendAudit(event);
      countJourneyEvent(event, metrics);
      countReminderEvent(event, metrics);
    },
    listAudit: (query) => store.listAudit(query),
  };
}

export function countJourneyEvent(event: AuditEvent, metrics: PassdeskMetrics): void {
  const dot = event.action.lastIndexOf('.');
  if (dot < 1) return;
  const journey = labelValue(event.action.slice(0, dot));
  const what = event.action.slice(dot + 1);
  if (STARTS.has(what)) metrics.journeysStarted.inc({ journey });
  if (FINISHES.has(what)) {
    const outcome = what === 'completed' ? 'completed' : labelValue(event.detail?.reason ?? what);
    metrics.journeysFinished.inc({ journey, outcome });
  }
}
