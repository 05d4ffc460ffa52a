import type { Locale } from '../../config';
import { messagesFor } from '../../i18n';
import type { Logger } from '../../log/logger';
import type { Mailer } from '../../mail/mailer';
import { type ChangeNotices, NOT_ME_ACTION } from '../../notification/change-notices';
import type { DirectMessenger, MessageButton } from '../../notification/direct-messenger';

export interface PersonNotice {
  /** The person's chat user, when known: gets the DM. */
  slackUserId: string | null;
  /** The mail addresses of the accounts that got the temporary password. */
  mails: string[];
  accounts: string[];
  operatorName: string;
  locale: Locale;
  at: Date;
  /** Only when the DM is the chosen delivery: then the DM carries it, and nothing else does. */
  passwordForDm?: string;
}

/**
 * Tells the person, by DM and mail, that the help desk set a temporary password on their
 * accounts: when, by whom, what to do next, whom to call if it was not them. Returns whether the
 * DM went out (the caller needs to know when the DM was also the delivery); mail is best effort.
 */
export async function notifyPerson(
  deps: { messenger: DirectMessenger; mailer: Mailer; logger: Logger; helpdeskContact: string | undefined; notices: ChangeNotices },
  notice: PersonNotice,
): Promise<{ dmSent: boolean }> {
  const messages = messagesFor(notice.locale);
  const words = messages.temporaryPassword.personNotice;
  const when = notice.at.toISOString().replace('T', ' ').slice(0, 16);
  const text = words.text(notice.accounts.join(', '), when, notice.operatorName,
    deps.helpdeskContact ?? messages.common.defaultHelpdeskContact);
  const slackUserId = notice.slackUserId;
  const dm = slackUserId === null
    ? Promise.resolve(false)
    : notMeButton(deps, { ...notice, slackUserId })
      .then((buttons) => deps.messenger.sendDirectMessage(
        slackUserId, notice.passwordForDm ? `${text}\n\n${words.password(notice.passwordForDm)}` : text, buttons))
      .then(() => true, (error: unknown) => {
        deps.logger.warn({ err: summary(error) }, 'temporary-password notice DM not delivered');
        return false;
      });
  const mails = [...new Set(notice.mails.filter(Boolean).map((mail) => mail.toLowerCase()))].map((to) =>
    deps.mailer.send({ to, subject: words.subject, text }).catch((error: unknown) => {
      deps.logger.warn({ err: summary(error) }, 'temporary-password notice mail not delivered');
    }));
  const [dmSent] = await Promise.all([dm, ...mails]);
  return { dmSent: dmSent === true };
}

/** "This wasn't me" under the DM, tied to passdesk's record of this notice (none when it cannot be kept). */
async function notMeButton(
  deps: { notices: ChangeNotices; logger: Logger },
  notice: PersonNotice & { slackUserId: string },
): Promise<MessageButton[]> {
  try {
    const id = await deps.notices.remember({ slackUserId: notice.slackUserId, accounts: notice.accounts, at: notice.at.getTime(),
      via: 'help-desk', locale: notice.locale }, notice.at);
    return [{ id: NOT_ME_ACTION, label: messagesFor(notice.locale).common.changedNotice.notMeButton, value: id }];
  } catch (error) {
    deps.logger.warn({ err: summary(error) }, 'could not keep the notice for its "this wasn\'t me" button');
    return [];
  }
}

function summary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
