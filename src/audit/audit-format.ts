import type { AuditEvent } from '../store/audit-store';

/**
 * The audit trail for people: a table in local time, JSON lines (UTC ISO times) for tools,
 * CSV for a spreadsheet. Events are printed oldest first.
 */

/** `2026-11-22 11:00:05 +01:00` in `timeZone` (default: the machine's, or TZ). */
export function localTime(at: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${offset}`;
}

/** Detail entries by key: the same text whichever store kept them (PostgreSQL's jsonb reorders keys). */
function detailEntries(event: AuditEvent): [string, string | number | boolean][] {
  return Object.entries(event.detail ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function detailText(event: AuditEvent): string {
  return detailEntries(event).map(([key, value]) => `${key}=${String(value)}`).join(' ');
}

export function auditTable(events: AuditEvent[], timeZone?: string): string {
  const header = ['TIME', 'ACTOR', 'ACTION', 'RESULT', 'ACCOUNT', 'DETAIL'];
  const rows = events.map((event) => [
    localTime(event.at, timeZone), event.actor, event.action, event.result, event.subject ?? '-', detailText(event),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function auditJsonLines(events: AuditEvent[]): string {
  return events
    .map((event) => JSON.stringify({
      at: event.at.toISOString(),
      actor: event.actor,
      action: event.action,
      result: event.result,
      subject: event.subject ?? null,
      detail: event.detail ?? {},
      requestId: event.requestId ?? null,
    }))
    .map((line) => `${line}\n`)
    .join('');
}

export function auditCsv(events: AuditEvent[], timeZone?: string): string {
  const header = ['time_utc', 'time_local', 'actor', 'action', 'result', 'account', 'detail', 'request_id'];
  const rows = events.map((event) => [
    event.at.toISOString(), localTime(event.at, timeZone), event.actor, event.action, event.result,
    event.subject ?? '', event.detail ? JSON.stringify(Object.fromEntries(detailEntries(event))) : '', event.requestId ?? '',
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * RFC 4180 quoting, and a leading `'` on a cell a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`): an account name or a Slack error must not become a formula on export.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
