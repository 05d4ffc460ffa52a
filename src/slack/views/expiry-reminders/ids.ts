/** Action ids of the expiry reminders' buttons: the contract between their messages and listeners. */
export const CHANGE_NOW_ACTION = 'expiry-reminder.change-now';
export const REMIND_LATER_ACTION = 'expiry-reminder.remind-later';
export const RESET_NOW_ACTION = 'expiry-reminder.reset-now';
export const REMINDER_ACTIONS_BLOCK = 'expiry-reminder.actions';
