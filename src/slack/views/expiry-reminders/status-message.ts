/** `/password status`: each account with its last change and expiry, "Change now", and "Reset my password" once one has expired. */
import type { AccountStatus, StatusOutcome } from '../../../flows/expiry-reminders/password-status';
import { messagesFor } from '../../../i18n';
import { type DateWords, dateWords, formatDateTimeInZone } from '../../../i18n/dates';
import { type Block, escapeMrkdwn, note, text } from '../shared/blocks';
import { actions, changeNowButton, resetNowButton, type SlackMessage } from './reminder-message';
import { slackDate } from './slack-date';

export function statusMessage(outcome: StatusOutcome, options: { timeZone: string; helpdeskContact: string | undefined; now: Date }): SlackMessage {
  const { common, expiryReminders: words } = messagesFor(outcome.locale);
  if (outcome.kind !== 'accounts') {
    const reason = {
      'no-verified-email': words.status.noVerifiedEmail,
      'no-account': words.status.noAccount,
      'directory-unavailable': words.status.directoryUnavailable,
    }[outcome.kind];
    const said = `${reason} ${common.helpdeskHint(options.helpdeskContact ?? common.defaultHelpdeskContact)}`;
    return { text: said, blocks: [text(said)] };
  }
  const { locale } = outcome;
  const describe = (account: AccountStatus, dateOf: (date: Date) => DateWords): string => {
    const parts: string[] = [account.changedAt ? words.status.changedOn(dateOf(account.changedAt)) : words.status.changedUnknown];
    if (account.disabled) parts.push(words.status.disabled);
    if (account.mustChange) parts.push(words.status.mustChange);
    else if (!account.expiresAt) parts.push(words.status.neverExpires);
    else if (account.expiresAt <= options.now) parts.push(words.status.expiredOn(dateOf(account.expiresAt)));
    else parts.push(words.status.expiresOn(dateOf(account.expiresAt)));
    return `${words.status.account(escapeMrkdwn(account.username))}: ${parts.join('; ')}`;
  };
  const anyExpired = outcome.accounts.some((account) => !account.mustChange && account.expiresAt !== null && account.expiresAt <= options.now);
  const blocks: Block[] = [
    text(`*${words.status.heading}*`),
    ...outcome.accounts.map((account) => text(describe(account, (date) => dateWords(slackDate(date, locale, options.timeZone), date, options.timeZone)))),
    note(words.status.howToChange),
    ...(anyExpired ? [note(words.status.howToReset)] : []),
    actions([changeNowButton(words.changeNow), ...(anyExpired ? [resetNowButton(words.resetNow)] : [])]),
  ];
  const plain = outcome.accounts.map((account) => describe(account, (date) => dateWords(formatDateTimeInZone(locale, date, options.timeZone), date, options.timeZone)).replace(/\*/g, ''));
  return { text: `${words.status.heading}: ${plain.join(' | ')}`, blocks };
}
