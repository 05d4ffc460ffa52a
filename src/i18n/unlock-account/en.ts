import type { UnlockAccountMessages } from './messages';

export const en: UnlockAccountMessages = {
  modalTitle: 'Unlock account',
  loading: 'Looking up your accounts…',
  accountsIntro: 'These accounts are locked after too many wrong passwords, and will be unlocked:',
  accountsSkipped: (accounts) => `Disabled, so they cannot be unlocked here: ${accounts}`,
  doneTitle: 'Account unlocked',
  unlocked: (accounts) => `:white_check_mark: Unlocked: ${accounts}.`,
  notLocked: (accounts) => `No longer locked, so nothing was changed: ${accounts}.`,
  disabled: (accounts) => `Disabled, so not unlocked (ask the help desk): ${accounts}.`,
  failed: (accounts) => `Could NOT be unlocked right now (still locked): ${accounts}. Please try again later or contact the help desk.`,
  passwordUnchanged: 'Your password has not changed: sign in with it. If you have forgotten it, use "Forgot my password" in /password.',
  triggerExpired: 'The window took too long to open. Please run /password unlock again.',
  smsBody: (code, minutes) => `Your code to unlock your account: ${code}. Valid for ${minutes} minutes. Never share it with anyone, not even IT staff.`,
  ended: {
    accountDisabled: 'Your account is disabled, so it cannot be unlocked here. Please contact the help desk.',
    notLocked: 'Your account is not locked, so nothing was changed. If you cannot sign in, your password may be wrong: use "Forgot my password" in /password.',
  },
};
