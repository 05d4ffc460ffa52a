import type { ForgotUsernameMessages } from './messages';

const KINDS = { staff: 'staff account', student: 'student account', service: 'service account you look after' };

export const en: ForgotUsernameMessages = {
  modalTitle: 'Your usernames',
  loading: 'Looking up your accounts…',
  intro: 'These are the usernames of your university accounts:',
  account: (username, kind, principalName) =>
    `*${username}*${kind ? ` — ${KINDS[kind]}` : ''}${principalName ? ` (sign in to Microsoft services as ${principalName})` : ''}`,
  disabled: (accounts) => `Disabled, so they cannot be used (ask the help desk): ${accounts}`,
  hint: 'Forgot the password too? Use "Forgot my password" in /password.',
  triggerExpired: 'The window took too long to open. Please run /password username again.',
  ended: {
    accountDisabled: 'Your account is disabled. Please contact the help desk.',
    directoryUnavailable: 'The account directory cannot be reached right now. Please try again later.',
    rateLimited: 'Your usernames were looked up too many times lately. For your safety, this is paused for a while; please try again later.',
  },
};
