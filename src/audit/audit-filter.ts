import type { AuditEvent } from '../store/audit-store';

/** What an auditor asks for: `npm run audit -- --actor U… --account uid --action …`. */
export interface AuditFilter {
  since?: Date;
  /** A Slack user id (`U0123`), or a whole actor (`slack:T0123:U0123`, `system`). */
  actor?: string;
  /** An account's DN, or the value of its first RDN (the uid on OpenLDAP, the CN on AD). */
  account?: string;
  /** An action (`password-reset.completed`) or a journey's prefix (`password-reset`). */
  action?: string;
}

export function matchesAuditFilter(event: AuditEvent, filter: AuditFilter): boolean {
  if (filter.since && event.at.getTime() < filter.since.getTime()) return false;
  if (filter.actor && event.actor !== filter.actor && !event.actor.endsWith(`:${filter.actor}`)) return false;
  if (filter.action && event.action !== filter.action && !event.action.startsWith(`${filter.action}.`)) return false;
  if (filter.account) {
    const wanted = filter.account.toLowerCase();
    const subject = event.subject?.toLowerCase();
    if (!subject || (subject !== wanted && firstRdnValue(subject) !== wanted)) return false;
  }
  return true;
}

/** `uid=anna,ou=people,dc=uni` → `anna`; `cn=rossi\, anna,ou=…` → `rossi, anna`. */
export function firstRdnValue(dn: string): string | undefined {
  const rdn = /^((?:[^,\\]|\\.)*)/.exec(dn)?.[1] ?? '';
  const equals = rdn.indexOf('=');
  if (equals < 0) return undefined;
  return rdn.slice(equals + 1).replace(/\\(.)/g, '$1').trim();
}
