import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Clock } from '../../clock/clock';
import type { Locale } from '../../config';
import type { Logger } from '../../log/logger';
import type { ChangeNotice, ChangeNotices } from '../../notification/change-notices';

/** Where the help desk hears of it (Slack: HELPDESK_LOG_CHANNEL; nothing when unset). */
export interface NotMeAlerts {
  post(alert: { slackUserId: string; accounts: string[]; at: Date; via: ChangeNotice['via'] }): Promise<void>;
}

/** What the person is told back, in their language. */
export type NotMeAnswer = { locale: Locale; kind: 'reported' | 'already-reported' | 'unknown-notice' };

/**
 * "This wasn't me", pressed under a "your password changed" DM: tells the help desk (the accounts
 * and the time come from passdesk's own record of the notice, never from the button), audits it,
 * and answers the person with what to do now. It changes nothing in the directory.
 */
export class NotMeReport {
  constructor(private readonly deps: {
    notices: ChangeNotices;
    alerts: NotMeAlerts;
    audit: AuditTrail;
    clock: Clock;
    logger: Logger;
    defaultLocale: Locale;
  }) {}

  async report(who: { teamId: string; userId: string; requestId: string }, noticeId: string): Promise<NotMeAnswer> {
    const { notices, alerts, audit, clock } = this.deps;
    const actor = slackActor(who);
    const now = clock.now();
    const found = await notices.find(noticeId, who.userId, now);
    if (!found) {
      await audit.record({ actor, action: 'password-changed.not-me', result: 'refused', detail: { reason: 'unknown-notice' },
        requestId: who.requestId });
      return { locale: this.deps.defaultLocale, kind: 'unknown-notice' };
    }
    const { notice } = found;
    if (!(await notices.markReported(noticeId, found, now))) return { locale: notice.locale, kind: 'already-reported' };
    await audit.record({ actor, action: 'password-changed.not-me', subject: notice.accounts.join(', '), result: 'ok',
      detail: { via: notice.via, changedAt: new Date(notice.at).toISOString() }, requestId: who.requestId });
    try {
      await alerts.post({ slackUserId: notice.slackUserId, accounts: notice.accounts, at: new Date(notice.at), via: notice.via });
    } catch (error) {
      // The audit trail has it; the person is still told to call.
      this.deps.logger.error({ requestId: who.requestId, err: error instanceof Error ? error.message : 'unknown' },
        'could not post the "this wasn\'t me" alert');
    }
    return { locale: notice.locale, kind: 'reported' };
  }
}
