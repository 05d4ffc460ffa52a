import type { Locale } from '../config';
import { messagesFor } from '../i18n';
import type { Logger } from '../log/logger';
import type { Mailer } from '../mail/mailer';
import type { ChangeNotices, ChangeVia } from './change-notices';
import { NOT_ME_ACTION } from './change-notices';
import type { DirectMessenger, MessageButton } from './direct-messenger';

export interface PasswordChangedNotice {
  slackUserId: string;
  /** The mail addresses of the changed accounts. */
  mails: string[];
  /** Usernames of the changed accounts. */
  accounts: string[];
  /** After a partial change: usernames of the person's accounts that were not changed. */
  notChanged?: string[];
  locale: Locale;
  at: Date;
  /** Which journey changed it, for the help desk when the person says it was not them. */
  via: ChangeVia;
}

/**
 * Tells a person, by Slack DM and by mail, that their password changed, so a change they did
 * not make does not go unnoticed. Best effort: the change is done, a failed notice is logged.
 * No secret is ever part of the notice.
 */
export class PasswordChangedNotifier {
  constructor(
    private readonly messenger: DirectMessenger,
    private readonly mailer: Mailer,
    private readonly helpdeskContact: string | undefined,
    private readonly logger: Logger,
    private readonly notices: ChangeNotices,
  ) {}

  async notify(notice: PasswordChangedNotice): Promise<void> {
    const common = messagesFor(notice.locale).common;
    const words = common.changedNotice;
    const when = notice.at.toISOString().replace('T', ' ').slice(0, 16);
    const changed = words.text(notice.accounts.join(', '), when, this.helpdeskContact ?? common.defaultHelpdeskContact);
    const notChanged = notice.notChanged ?? [];
    // The line on what did not change goes right after the first, before the help-desk line.
    const [first, ...rest] = changed.split('\n');
    const text = notChanged.length > 0 ? [first, words.notChanged(notChanged.join(', ')), ...rest].join('\n') : changed;
    const deliveries = [
      this.notMeButton(notice, words.notMeButton).then((button) => this.messenger.sendDirectMessage(notice.slackUserId, text, button)),
      ...[...new Set(notice.mails.map((m) => m.toLowerCase()))].map((to) =>
        this.mailer.send({ to, subject: words.subject, text }),
      ),
    ];
    const results = await Promise.allSettled(deliveries);
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.warn({ err: errorSummary(result.reason) }, 'password-changed notice not delivered');
      }
    }
  }

  /** "This wasn't me", tied to a record of this notice; none when the record cannot be kept. */
  private async notMeButton(notice: PasswordChangedNotice, label: string): Promise<MessageButton[]> {
    try {
      const id = await this.notices.remember({
        slackUserId: notice.slackUserId, accounts: notice.accounts, at: notice.at.getTime(), via: notice.via, locale: notice.locale,
      }, notice.at);
      return [{ id: NOT_ME_ACTION, label, value: id }];
    } catch (error) {
      this.logger.warn({ err: errorSummary(error) }, 'could not keep the notice for its "this wasn\'t me" button');
      return [];
    }
  }
}

function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
