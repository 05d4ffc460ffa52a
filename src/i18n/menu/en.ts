import type { MenuMessages } from './messages';

export const en: MenuMessages = {
  modalTitle: 'Password help',
  intro: 'What do you need to do?',
  entries: {
    forgotPassword: { button: 'Forgot my password', explain: 'Set a new password after a code sent by SMS to your registered phone.' },
    changePassword: { button: 'Change my password', explain: 'You know your current password and want a new one (also after the help desk gave you a temporary one).' },
    forgotUsername: { button: 'Forgot my username', explain: 'See the usernames of your university accounts.' },
    unlockAccount: { button: 'Unlock my account', explain: 'Your account is locked after too many wrong passwords: unlock it with a code sent by SMS.' },
    serviceAccount: { button: 'Manage a service account', explain: 'Set a new password for a service (impersonal) account you are responsible for.' },
  },
  triggerExpired: 'The password window took too long to open. Please run /password again.',
};
