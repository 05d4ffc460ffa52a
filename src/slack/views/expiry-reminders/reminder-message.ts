/** The reminder DM: which accounts expire (or expired) and when, what to do, and its buttons. */
import type { Reminder } from '../../../flows/expiry-reminders/reminder-ports';
import { messagesFor } from '../../../i18n';
import { type DateWords, dateWords, formatDateTimeInZone } from '../../../i18n/dates';
import { type Block, bullets, escapeMrkdwn, note, text } from '../shared/blocks';
import { CHANGE_NOW_ACTION, REMIND_LATER_ACTION, REMINDER_ACTIONS_BLOCK, RESET_NOW_ACTION } from './ids';
import { slackDate } from './slack-date';

export interface SlackMessage {
  /** The notification and fallback text: the same facts in plain words. */
  text: string;
  blocks: Block[];
}

type Button = { type: 'button'; action_id: string; text: { type: 'plain_text'; text: string }; style?: 'primary'; value?: string };

/**
 * Before the expiry: "Change now" (the person still knows the password) and "Remind me later".
 * Once one of the accounts has expired: "Reset my password" (the forgot-password journey) only.
 */
export function reminderMessage(reminder: Reminder): SlackMessage {
  const words = messagesFor(reminder.locale).expiryReminders;
  const { locale, timeZone, accounts } = reminder;
  const allExpired = accounts.every((account) => account.expired);
  const anyExpired = accounts.some((account) => account.expired);
  const heading = allExpired ? words.expiredHeading(accounts.length) : words.dmHeading(accounts.length);
  const line = (dateOf: (date: Date) => DateWords) => (account: Reminder['accounts'][number]) => {
    const username = escapeMrkdwn(account.username);
    const date = dateOf(account.expiresAt);
    return account.expired ? words.accountExpired(username, date) : words.accountExpires(username, date);
  };
  const buttons = anyExpired
    ? [resetNowButton(words.resetNow)]
    : [changeNowButton(words.changeNow), ...(reminder.canRemindLater ? [remindLaterButton(reminder.id, words.remindLater)] : [])];
  const blocks: Block[] = [
    text(`*${heading}*`),
    text(bullets(accounts.map(line((date) => dateWords(slackDate(date, locale, timeZone), date, timeZone))))),
    note(anyExpired ? words.howToReset : words.howToChange(accounts.length)),
    actions(buttons),
  ];
  const plainLines = accounts.map(line((date) => dateWords(formatDateTimeInZone(locale, date, timeZone), date, timeZone))).map((item) => item.replace(/\*/g, ''));
  return { text: `${heading.replace(/^:[a-z_]+: /, '')}: ${plainLines.join('; ')}`, blocks };
}

/** The reminder after "Remind me later": the same facts, when the next reminder comes, and only "Change now". */
export function snoozedReminderMessage(original: { text?: string; blocks?: unknown[] }, confirmation: string, changeNowLabel: string): SlackMessage {
  const kept = ((original.blocks ?? []) as Block[]).filter((block) => block.type !== 'actions');
  return { text: original.text ?? confirmation, blocks: [...kept, note(confirmation), actions([changeNowButton(changeNowLabel)])] };
}

export function actions(buttons: Button[]): Block {
  return { type: 'actions', block_id: REMINDER_ACTIONS_BLOCK, elements: buttons };
}

export function changeNowButton(label: string): Button {
  return { type: 'button', action_id: CHANGE_NOW_ACTION, style: 'primary', text: { type: 'plain_text', text: label } };
}

export function resetNowButton(label: string): Button {
  return { type: 'button', action_id: RESET_NOW_ACTION, style: 'primary', text: { type: 'plain_text', text: label } };
}

function remindLaterButton(reminderId: string, label: string): Button {
  return { type: 'button', action_id: REMIND_LATER_ACTION, value: reminderId, text: { type: 'plain_text', text: label } };
}
