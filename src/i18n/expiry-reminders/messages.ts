/** Every text of the expiry reminders and `/password status`; `en.ts`, `it.ts` and `pl.ts` fill it. */
export interface ExpiryReminderMessages {
  /** The DM's notification text and heading; `count` accounts. */
  dmHeading: (count: number) => string;
  expiredHeading: (count: number) => string;
  accountExpires: (username: string, date: string) => string;
  accountExpired: (username: string, date: string) => string;
  /** What to do, before the expiry. */
  howToChange: string;
  /** What to do once it has expired (the forgot-password journey: the old password no longer works). */
  howToReset: string;
  changeNow: string;
  resetNow: string;
  remindLater: string;
  snoozed: (date: string) => string;
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
    changedOn: (date: string) => string;
    changedUnknown: string;
    expiresOn: (date: string) => string;
    expiredOn: (date: string) => string;
    neverExpires: string;
    mustChange: string;
    disabled: string;
    /** Why no status can be shown. */
    noVerifiedEmail: string;
    noAccount: string;
    directoryUnavailable: string;
  };
}
