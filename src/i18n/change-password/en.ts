import { plural } from '../plural';
import type { ChangePasswordMessages } from './messages';

export const en: ChangePasswordMessages = {
  modalTitle: 'Change password',
  loading: 'Looking up your accounts…',
  intro: 'Type your current password and choose a new one. It will be changed on the accounts you tick.',
  accountsLabel: 'Accounts to change',
  accountOption: (username, principalName) => (principalName ? `${username} (${principalName})` : username),
  accountsSkipped: (accounts) => `Not changed (the account is disabled): ${accounts}`,
  currentLabel: 'Current password',
  currentForLabel: (username) => `Current password of ${username}, if different`,
  currentForHint: 'Leave it empty when this account has the same current password as above.',
  newPasswordIntro: 'Your new password must have:',
  noneChosen: 'Tick at least one account.',
  currentMissing: 'Type your current password.',
  wrongCurrent: (accounts, left) =>
    `The current password is not right for: ${accounts}. ${plural('en', left, { one: 'After # more wrong try', other: 'After # more wrong tries' })}, passdesk stops asking for an hour, so that your account is not locked.`,
  stopped: (accounts) =>
    `Too many wrong current passwords for: ${accounts}. So that the account is not locked, passdesk will not check its password for the next hour. If you have forgotten it, use "Forgot my password" in /password.`,
  cannotCheckSafely: (accounts) =>
    `passdesk cannot safely check the current password of: ${accounts}. The account's policy locks it after one or two wrong passwords, so passdesk does not try. Use "Forgot my password" in /password (a reset with an SMS code), or contact the help desk.`,
  locked: (accounts) => `This account is locked after too many wrong passwords: ${accounts}. Use "Unlock my account" in /password.`,
  expired: (accounts) => `The password has expired for: ${accounts}. Use "Forgot my password" in /password to set a new one.`,
  retrySamePassword: 'Type the same new password as before, so all your accounts end up with the same one.',
  accountsChanged: 'One of your accounts was removed or disabled meanwhile, so nothing was changed. Please contact the help desk.',
  partialChanged: (changed, failed) =>
    `Your password was changed for: ${changed}. It could NOT be changed for: ${failed}. Submit the same new password again to finish, or contact the help desk.`,
  doneTitle: 'Password changed',
  doneChanged: (accounts) => `:white_check_mark: Your password has been changed for: ${accounts}.`,
  triggerExpired: 'The password window took too long to open. Please run /password change again.',
  ended: {
    accountDisabled: 'Your account is disabled, so its password cannot be changed here.',
    flowExpired: 'This change has expired or was already finished. Please start again with /password.',
    flowUnreadable: 'This change cannot be continued. Nothing was changed. Please start again with /password.',
    rateLimited: 'A password change was started too many times lately. For your safety, it is paused for a while; please try again later. Nothing was changed.',
  },
};
