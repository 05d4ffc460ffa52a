import type { ExpiryReminderMessages } from './messages';

const accounts = (count: number) => (count === 1 ? 'password' : 'passwords');

export const en: ExpiryReminderMessages = {
  dmHeading: (count) => `:hourglass_flowing_sand: Your university ${accounts(count)} will expire soon`,
  expiredHeading: (count) => `:warning: Your university ${accounts(count)} has expired`,
  accountExpires: (username, date) => `*${username}*: expires on ${date.text}`,
  accountExpired: (username, date) => `*${username}*: expired on ${date.text}`,
  howToChange: (count) => `Change ${count === 1 ? 'it' : 'them'} before then, or you will not be able to log in. Press *Change now* (or type \`/password change\`): the new password works at once for all university services.`,
  howToReset: 'To get back in, set a new password: press *Reset my password* (or type `/password reset`) and you will get a code on your registered phone.',
  changeNow: 'Change now',
  resetNow: 'Reset my password',
  remindLater: 'Remind me later',
  snoozed: (date) => `:ok_hand: I will remind you again on ${date.text}.`,
  tooLateToSnooze: 'There is no time left for another reminder: please change your password now.',
  reminderGone: 'This reminder is no longer valid. Type `/password status` to see your passwords.',

  mail: {
    subject: (count) => `Your university ${accounts(count)} will expire soon`,
    expiredSubject: (count) => `Your university ${accounts(count)} has expired`,
    instructions: (contact, expired) => [
      expired ? 'How to set a new one:' : 'How to change it:',
      expired
        ? '- In Slack, type /password reset: a code is sent to your registered phone.'
        : '- In Slack, type /password change (or /password status to see when your passwords expire).',
      '- Or use the university\'s self-service password page: the new password is updated automatically for all university services.',
      'If you have forgotten your password, the self-service page can send a reset link to your private email address.',
      'If you have already changed your password, ignore this message.',
      `Need help? Contact ${contact}.`,
    ].join('\n'),
  },

  status: {
    heading: 'Your passwords',
    account: (username) => `*${username}*`,
    changedOn: (date) => `last changed on ${date.text}`,
    changedUnknown: 'last change unknown',
    expiresOn: (date) => `expires on ${date.text}`,
    expiredOn: (date) => `expired on ${date.text}`,
    neverExpires: 'does not expire',
    mustChange: 'must be changed at your next login',
    disabled: 'the account is disabled',
    howToChange: 'To change a password you know, press *Change now* (or type `/password change`).',
    howToReset: 'An expired password no longer works: press *Reset my password* (or type `/password reset`) to set a new one with a code sent to your registered phone.',
    noVerifiedEmail: 'Your Slack account has no confirmed email address, so we cannot find your university account.',
    noAccount: 'We found no university account with the email address of your Slack profile.',
    directoryUnavailable: 'The account directory cannot be reached right now. Please try again later.',
  },
};
