import type { ServiceAccountMessages } from './messages';

export const en: ServiceAccountMessages = {
  modalTitle: 'Service account',
  loading: 'Looking up the service accounts you look after…',
  accountsIntro: 'You are responsible for these service accounts:',
  accountsSkipped: (accounts) => `Disabled, so their password cannot be set here: ${accounts}`,
  serviceLabel: 'Service account',
  newPasswordIntro: 'The new password of the service account must have:',
  noneChosen: 'Choose one of your service accounts.',
  notOwned: 'The directory no longer lists you as responsible for this account (or it was disabled), so nothing was changed.',
  doneTitle: 'Password set',
  doneChanged: (account) => `:white_check_mark: The password of the service account ${account} has been set. Give it only to the people who run the service.`,
  triggerExpired: 'The window took too long to open. Please run /password again.',
  smsBody: (code, minutes) => `Your code to set a service account password: ${code}. Valid for ${minutes} minutes. Never share it with anyone, not even IT staff.`,
  ended: {
    accountDisabled: 'Your account (or the service account) is disabled, so no password can be set here.',
    noServiceAccounts: 'The directory lists no service account you are responsible for.',
  },
};
