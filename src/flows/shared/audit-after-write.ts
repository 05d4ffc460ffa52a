import type { AuditRecord, AuditTrail } from '../../audit/audit-trail';
import type { Logger } from '../../log/logger';

/**
 * Audits an event once something was already written to the directory. A store that fails here
 * must not turn a done change into an error screen ("nothing was changed" would be a lie): the
 * audit trail has already logged the event, and the failure to store it is logged beside it.
 */
export async function auditAfterWrite(audit: AuditTrail, logger: Logger, record: AuditRecord): Promise<void> {
  try {
    await audit.record(record);
  } catch (error) {
    logger.error({ requestId: record.requestId, action: record.action, err: error instanceof Error ? error.message : 'unknown' },
      'audit event not stored (it is in the log line before)');
  }
}
