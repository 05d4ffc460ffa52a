import type { PasswordResetMessages } from './messages';

export const en: PasswordResetMessages = {
  modalTitle: 'Password reset',
  loading: 'Looking up your accounts…',
  accountsIntro: 'The new password will be set on these accounts:',
  accountsSkipped: (accounts) => `Not changed (the account is disabled): ${accounts}`,
  newPasswordIntro: 'Choose your new password. It must have:',
  retrySamePassword: 'Type the same new password as before, so all your accounts end up with the same one.',
  doneTitle: 'Password changed',
  doneChanged: (accounts) => `:white_check_mark: Your password has been changed for: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `Your password was changed for: ${changed}. It could NOT be changed for: ${failed}. Submit the same password again to finish, or contact the help desk.`,
  doneIncomplete: (changed, notChanged) =>
    `Your password was changed for: ${changed}. It could NOT be changed for: ${notChanged}. Please contact the help desk to finish.`,
  triggerExpired: 'The password window took too long to open. Please run /password again.',
  smsBody: (code, minutes) => `Your password reset code: ${code}. Valid for ${minutes} minutes. Never share it with anyone, not even IT staff.`,
  accountsChanged: 'One of your accounts was removed or disabled meanwhile, so nothing was changed. Please contact the help desk.',
  ended: {
    accountDisabled: 'Your account is disabled, so its password cannot be reset here.',
    rateLimited: 'Too many attempts. For your safety, password reset is paused for a while; please try again later.',
    tooManyCodeAttempts: 'Too many wrong codes. This reset has been stopped; start again with /password later.',
    tooManyIdentityAttempts: 'Too many wrong answers. This reset has been stopped.',
    flowExpired: 'This reset has expired or was already finished. Please start again with /password.',
    flowUnreadable: 'This reset cannot be continued. Nothing was changed. Please start again with /password.',
  },
};
