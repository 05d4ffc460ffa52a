/** What `npm run reminders` prints: the dry run's table, or one summary line. */
import type { PlannedReminder, SweepReport } from '../flows/expiry-reminders/expiry-sweep';

export function dryRunTable(planned: PlannedReminder[], scanned: number, timeZone: string): string {
  const header = ['person', 'account', 'expires', 'window', 'channel', 'to'];
  const rows = planned.map((item) => [item.person, item.account, stamp(item.expiresAt, timeZone), item.window, item.channel, item.to]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `dry run: ${planned.length} reminder(s) would be sent (${scanned} account(s) in range); nothing was sent.`,
    '',
  ].join('\n');
}

export function summaryLine(report: SweepReport): string {
  return `expiry reminders: scanned ${report.scanned}, due ${report.due}, sent by DM ${report.sentByDm}, by mail ${report.sentByMail}, ` +
    `failed ${report.failed}, skipped ${report.skipped}, left for the next sweep ${report.deferred}, ${report.durationMs} ms` +
    `${report.finished ? '' : ' (not finished)'}\n`;
}

/** `2026-12-08 21:00 CET`, in `timeZone`. */
function stamp(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
