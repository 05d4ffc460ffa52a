/**
 * What the sweep needs from the outside, besides the directory and the store: finding a person in
 * the chat by mail, and sending a reminder there or by mail. Adapters: `slack/expiry-reminders/`
 * (Slack Web API) and `notification/expiry-reminder-mailer.ts` (SMTP).
 */
import type { Locale } from '../../config';
import type { ReminderWindow } from './reminder-windows';

/** One account a reminder is about. */
export interface RemindedAccount {
  dn: string;
  username: string;
  expiresAt: Date;
  /** Already expired when the reminder was written. */
  expired: boolean;
}

/** What a reminder says; channels turn it into words in `locale`. */
export interface Reminder {
  /** Names the reminder in its buttons; the facts behind it stay in the store. */
  id: string;
  window: ReminderWindow;
  accounts: RemindedAccount[];
  locale: Locale;
  /** IANA zone for dates (the person's Slack zone, else REMINDER_TZ or the server's). */
  timeZone: string;
  /** A later reminder is possible before the expiry and none has expired yet ("Remind me later" makes sense). */
  canRemindLater: boolean;
}

/** A chat user found by mail, with what the reminder is written in. */
export interface ChatPerson {
  teamId: string;
  userId: string;
  locale: Locale;
  /** IANA zone from the chat profile, when it has one. */
  timeZone?: string;
}

export interface PersonFinder {
  /** The first active chat user with one of these addresses (tried in order); undefined when none. */
  findByMail(addresses: string[], signal?: AbortSignal): Promise<ChatPerson | undefined>;
}

export interface ChatReminderChannel {
  /** `signal` only cuts a wait for the rate limit short, never a message on its way. */
  send(userId: string, reminder: Reminder, signal?: AbortSignal): Promise<void>;
}

export interface MailReminderChannel {
  /** One mail to every address (a person's accounts may have several). */
  send(addresses: string[], reminder: Reminder): Promise<void>;
}

/** The channel refused for now (Slack: 429); the reminder may go out once `retryAfterMs` has passed. */
export class RetryLaterError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited: retry after ${retryAfterMs} ms`);
    this.name = 'RetryLaterError';
  }
}
