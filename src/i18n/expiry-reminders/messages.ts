import type { DateWords } from '../dates';

/** Every text of the expiry reminders and `/password status`; `en.ts`, `it.ts` and `pl.ts` fill it. */
export interface ExpiryReminderMessages {
  /** The DM's notification text and heading; `count` accounts. */
  dmHeading: (count: number) => string;
  expiredHeading: (count: number) => string;
  accountExpires: (username: string, date: DateWords) => string;
  accountExpired: (username: string, date: DateWords) => string;
  /** What to do before the expiry, for `count` passwords. */
  howToChange: (count: number) => string;
  /** What to do once it has expired (the forgot-password journey: the old password no longer works). */
  howToReset: string;
  changeNow: string;
  resetNow: string;
  remindLater: string;
  snoozed: (date: DateWords) => string;
  tooLateToSnooze: string;
  reminderGone: string;

  mail: {
    subject: (count: number) => string;
    expiredSubject: (count: number) => string;
    /** The seed's instructions, for people who are not in Slack; `expired`: set a new one without the old. */
    instructions: (contact: string, expired: boolean) => string;
  };

  status: {
    heading: string;
    account: (username: string) => string;
    changedOn: (date: DateWords) => string;
    changedUnknown: string;
    expiresOn: (date: DateWords) => string;
    expiredOn: (date: DateWords) => string;
    neverExpires: string;
    mustChange: string;
    disabled: string;
    /** Under the list: changing a password the person knows; and, when one has expired, setting a new one. */
    howToChange: string;
    howToReset: string;
    /** Why no status can be shown. */
    noVerifiedEmail: string;
    noAccount: string;
    directoryUnavailable: string;
  };
}
