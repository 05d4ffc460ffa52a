export type AuditResult = 'ok' | 'refused' | 'failed';

export interface AuditEvent {
  /** UTC time of the event. */
  at: Date;
  /** Who acted: `slack:<team>:<user>`, or `system`. */
  actor: string;
  /** What happened, dotted: `password-reset.started`, `password-reset.code-sent`, ... */
  action: string;
  /** The account it concerns (a DN), when there is one. */
  subject?: string;
  result: AuditResult;
  /** Extra facts. Never a password, code, token or full phone number. */
  detail?: Record<string, string | number | boolean>;
  /** The request id of the interaction, to join audit and log lines. */
  requestId?: string;
}

/** Events `listAudit` returns when the query sets no `limit`: a page a person can read. */
export const DEFAULT_AUDIT_PAGE = 1000;

export interface AuditQuery {
  action?: string;
  actor?: string;
  subject?: string;
  since?: Date;
  limit?: number;
}

/** The audit trail's storage. Journeys write through `audit/audit-trail.ts`, which also logs. */
export interface AuditStore {
  appendAudit(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
}
