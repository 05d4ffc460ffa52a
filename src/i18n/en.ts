import type { PolicyRule } from '../policy/policy';
import type { Messages } from './messages';

function rule(rule: PolicyRule): string {
  const p = rule.params ?? {};
  switch (rule.code) {
    case 'min-length': return `At least ${p.min} characters`;
    case 'max-length': return `At most ${p.max} characters`;
    case 'uppercase': return 'At least one upper-case letter';
    case 'lowercase': return 'At least one lower-case letter';
    case 'digit': return 'At least one digit';
    case 'special': return `At least one of these special characters: ${p.chars}`;
    case 'no-username': return 'Must not contain your username';
    case 'no-name-parts': return 'Must not contain your name';
    case 'not-blocked': return 'Must not contain a word that is not allowed here (such as the university\'s name)';
    case 'strength': return 'Hard to guess: avoid common words, names, dates and keyboard patterns';
    case 'directory-complexity': return 'Characters of at least three kinds: upper-case, lower-case, digits, symbols';
    case 'directory-history': return `Not one of your last ${p.count} passwords`;
  }
}

export const en: Messages = {
  modalTitle: 'Password reset',
  continue: 'Continue',
  cancel: 'Cancel',
  close: 'Close',
  loading: 'Looking up your accounts…',

  accountsIntro: 'The new password will be set on these accounts:',
  accountsSkipped: (accounts) => `Not changed (the account is disabled): ${accounts}`,

  identityIntro: 'First, confirm it is you.',
  phoneDigitsLabel: 'Last 3 digits of your registered phone number',
  phoneDigitsHint: 'The number you registered for password recovery. We will send the code to it.',
  challengeLabel: (question) => `How much is ${question}?`,
  phoneDigitsFormat: 'Type exactly 3 digits.',
  phoneDigitsWrong: 'These digits do not match the registered phone number.',
  challengeWrong: 'That is not the right result. Here is a new question.',

  codeIntro: (phone, minutes) =>
    `We sent a 6-digit code by SMS to the phone number ending in ${phone}. It is valid for ${minutes} minutes and can be used once. It usually arrives within a minute.`,
  codeLabel: 'Code from the SMS',
  codeFormat: 'The code has exactly 6 digits.',
  codeWrong: (left) => `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
  resendButton: 'Send a new code',
  resent: (phone) => `A new code is on its way to the phone number ending in ${phone}. Earlier codes no longer work.`,
  resendCooldown: (seconds) => `Please wait ${seconds} seconds before asking for a new code.`,

  newPasswordIntro: 'Choose your new password. It must have:',
  slackCannotMask:
    ':warning: Slack cannot hide what you type in this box: make sure nobody can see your screen. passdesk does not keep the password.',
  newPasswordLabel: 'New password',
  confirmPasswordLabel: 'New password again',
  passwordsDiffer: 'The two passwords are not the same.',
  passwordRefused: 'This password does not meet these rules:',
  retrySamePassword: 'Type the same new password as before, so all your accounts end up with the same one.',
  rule,

  doneTitle: 'Password changed',
  doneChanged: (accounts) => `:white_check_mark: Your password has been changed for: ${accounts}.`,
  partialChanged: (changed, failed) =>
    `Your password was changed for: ${changed}. It could NOT be changed for: ${failed}. Submit the same password again to finish, or contact the help desk.`,
  defaultSuccessNotes: [
    'The new password takes effect at once on the university systems; Office 365 may take a few minutes to follow.',
    'This does not change the password of SAP or the employee portal.',
  ],

  ended: {
    noVerifiedEmail: 'Your Slack account has no confirmed email address, so we cannot find your university account.',
    noAccount: 'We found no university account with the email address of your Slack profile.',
    noPhone: 'Your account has no phone number registered for password recovery, so we cannot send you a code.',
    accountDisabled: 'Your account is disabled, so its password cannot be reset here.',
    rateLimited: 'Too many attempts. For your safety, password reset is paused for a while.',
    directoryUnavailable: 'The account directory cannot be reached right now. Nothing was changed. Please try again later.',
    smsFailed: 'We could not send the SMS. Nothing was changed. Please try again later.',
    codeExpired: 'The code has expired. Please start again with /password.',
    tooManyCodeAttempts: 'Too many wrong codes. This reset has been stopped; start again with /password later.',
    tooManyIdentityAttempts: 'Too many wrong answers. This reset has been stopped.',
    flowExpired: 'This reset has expired or was already finished. Please start again with /password.',
    alreadyInProgress: 'Your previous submission is still being processed. Please wait a moment and try again.',
    unexpected: 'Something went wrong on our side. Nothing was changed. Please try again later.',
  },
  helpdeskHint: (contact) => `If you need help, contact ${contact}.`,

  triggerExpired: 'The password window took too long to open. Please run /password again.',
  working: 'Working on it…',

  smsBody: (code, minutes) => `Your password reset code: ${code}. Valid for ${minutes} minutes. Never share it with anyone, not even IT staff.`,
  directoryRefused: 'The account directory refused this password:',
  directoryReason: (reason) => ({
    'too-short': 'It is shorter than the directory allows.',
    complexity: 'It does not meet the directory\'s complexity rules.',
    'in-history': 'It was used recently; choose one you have not used before.',
    'too-young': 'The password was changed too recently to be changed again; try again later.',
    other: 'It does not meet the directory\'s password rules.',
  })[reason],
  accountsChanged: 'One of your accounts was removed or disabled meanwhile, so nothing was changed. Please contact the help desk.',
  directoryUnavailableInline: 'The account directory cannot be reached right now. Nothing was changed. Try again in a moment.',

  changedNotice: {
    subject: 'Your university password was changed',
    text: (accounts, when, contact) =>
      `Your password was changed for: ${accounts}, on ${when} (UTC), through passdesk in Slack.\n\nIf you did not do this, contact ${contact} at once.`,
  },
};
