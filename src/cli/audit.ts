// First, before any module that needs a recent Node.js is loaded.
import '../ops/runtime/require-node-version';
import { matchesAuditFilter } from '../audit/audit-filter';
import { auditCsv, auditJsonLines, auditTable } from '../audit/audit-format';
import { openStoreForReading } from '../store/open-store';
import { AUDIT_USAGE, parseAuditArgs } from './audit-args';

/**
 * `npm run audit`: the audit trail for an auditor ("who reset what, when"), from the store in
 * DATABASE_URL, as a table in local time, JSON lines or CSV. Reads only; needs no other setting.
 */

export interface AuditCliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  now: () => Date;
  /** The zone of the table's and CSV's local times; default the process's (TZ). */
  timeZone?: string;
}

/** Returns the exit code: 0 done, 1 the store could not be read, 2 bad arguments. */
export async function runAuditCli(argv: string[], io: AuditCliIo): Promise<number> {
  let args;
  try {
    args = parseAuditArgs(argv, io.now());
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${AUDIT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(AUDIT_USAGE);
    return 0;
  }
  let store;
  try {
    store = await openStoreForReading(io.env.DATABASE_URL || undefined);
  } catch (error) {
    io.stderr.write(`cannot open the store: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const newestFirst = await store.listAudit({ since: args.filter.since, limit: Number.MAX_SAFE_INTEGER });
    const events = newestFirst.filter((event) => matchesAuditFilter(event, args.filter)).reverse();
    if (args.format === 'json') io.stdout.write(auditJsonLines(events));
    else if (args.format === 'csv') io.stdout.write(auditCsv(events, io.timeZone));
    else if (events.length === 0) io.stderr.write('no audit events match\n');
    else io.stdout.write(auditTable(events, io.timeZone));
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runAuditCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, now: () => new Date() })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
