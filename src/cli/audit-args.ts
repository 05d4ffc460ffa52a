import { parseArgs } from 'node:util';
import type { AuditFilter } from '../audit/audit-filter';

export const AUDIT_USAGE = `usage: npm run --silent audit -- [--since 7d] [--actor U0123] [--account uid] [--action name] [--json | --csv]

  --since    how far back: 30m, 12h, 7d, 2w, or a date (2026-11-01, local time) or ISO time
  --actor    a Slack user id (U0123…) or a whole actor (slack:T0123:U0123, system)
  --account  an account's DN, or its uid (OpenLDAP) / CN (Active Directory)
  --action   an action (password-reset.completed) or a journey (password-reset)
  --json     JSON lines, times in UTC
  --csv      CSV for a spreadsheet, with UTC and local times
Without --json or --csv: a table in local time (set TZ to choose the zone). Oldest first.
`;

export interface AuditArgs {
  filter: AuditFilter;
  format: 'table' | 'json' | 'csv';
  help: boolean;
}

const UNITS_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Throws an Error naming the bad option; never runs anything. */
export function parseAuditArgs(argv: string[], now: Date): AuditArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      since: { type: 'string' },
      actor: { type: 'string' },
      account: { type: 'string' },
      action: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.json && values.csv) throw new Error('choose one of --json and --csv');
  return {
    filter: {
      since: values.since === undefined ? undefined : parseSince(values.since, now),
      actor: nonEmpty(values.actor, '--actor'),
      account: nonEmpty(values.account, '--account'),
      action: nonEmpty(values.action, '--action'),
    },
    format: values.json ? 'json' : values.csv ? 'csv' : 'table',
    help: values.help === true,
  };
}

function parseSince(text: string, now: Date): Date {
  const duration = /^(\d+)\s*([mhdw])$/i.exec(text.trim());
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNITS_MS[duration[2].toLowerCase()]);
  // A bare date is local midnight (JS would read it as UTC).
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? new Date(`${text.trim()}T00:00:00`) : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new Error('--since: use a duration such as 30m, 12h, 7d, 2w, or a date such as 2026-11-01');
  }
  return date;
}

function nonEmpty(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new Error(`${name}: give a value`);
  return value.trim();
}
