import type { Clock } from '../clock/clock';
import type { Logger } from '../log/logger';
import type { AuditEvent, AuditStore } from '../store/audit-store';

export type AuditRecord = Omit<AuditEvent, 'at'>;

/** Every security event goes to the store and to the log, with a UTC time. */
export class AuditTrail {
  constructor(
    private readonly store: AuditStore,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord): Promise<void> {
    const event: AuditEvent = { ...record, at: this.clock.now() };
    this.logger.info({ audit: { ...event, at: event.at.toISOString() } }, `audit ${event.action} ${event.result}`);
    await this.store.appendAudit(event);
  }
}
