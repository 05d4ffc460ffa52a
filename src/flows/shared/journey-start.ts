import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Directory, FoundAccount } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import { logDirectoryError } from './log-directory-error';
import { type EndedScreen, endedOutcome, type Outcome } from './outcome';
import type { Requester } from './requester';

/**
 * The accounts found for the person's confirmed Slack email (never a typed address): where every
 * journey on the person's own accounts starts. A directory failure is logged here.
 */
export async function accountsOfRequester(
  directory: Directory,
  logger: Logger,
  requester: Requester,
): Promise<FoundAccount[] | 'no-verified-email' | 'directory-unavailable'> {
  if (!requester.verifiedEmail) return 'no-verified-email';
  try {
    return await directory.findAccountsByMail(requester.verifiedEmail);
  } catch (error) {
    logDirectoryError(logger, error, requester.requestId, 'directory call failed');
    return 'directory-unavailable';
  }
}

/** Refuses a journey's start: audited as `<auditPrefix>.refused` with the reason, said in the person's language. */
export function startRefusal<Reason extends string>(audit: AuditTrail, requester: Requester, auditPrefix: string) {
  return async (reason: Reason, subject?: string, detail: Record<string, string | number> = {}): Promise<Outcome<EndedScreen<Reason>>> => {
    await audit.record({ actor: slackActor(requester), action: `${auditPrefix}.refused`, subject, result: 'refused',
      detail: { reason, ...detail }, requestId: requester.requestId });
    return endedOutcome(requester.locale, reason);
  };
}
