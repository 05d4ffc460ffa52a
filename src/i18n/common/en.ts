import type { PolicyRule } from '../../policy/policy';
import type { CommonMessages } from './messages';

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

export const en: CommonMessages = {
  continue: 'Continue',
  cancel: 'Cancel',
  close: 'Close',
  working: 'Working on it…',
  defaultHelpdeskContact: 'the IT help desk',
  helpdeskHint: (contact) => `If you need help, contact ${contact}.`,
  rule,
  slackCannotMask:
    ':warning: Slack cannot hide what you type in this box: make sure nobody can see your screen. passdesk does not keep the password.',
  newPasswordLabel: 'New password',
  confirmPasswordLabel: 'New password again',
  passwordsDiffer: 'The two passwords are not the same.',
  passwordRefused: 'This password does not meet these rules:',
  directoryRefused: 'The account directory refused this password:',
  directoryReason: (reason) => ({
    'too-short': 'It is shorter than the directory allows.',
    complexity: 'It does not meet the directory\'s complexity rules.',
    'in-history': 'It was used recently; choose one you have not used before.',
    'too-young': 'The password was changed too recently to be changed again; try again later.',
    other: 'It does not meet the directory\'s password rules.',
  })[reason],
  directoryUnavailableInline: 'The account directory cannot be reached right now. Nothing was changed. Try again in a moment.',
  defaultSuccessNotes: [
    'The new password takes effect at once on the university systems; Office 365 may take a few minutes to follow.',
    'This does not change the password of SAP or the employee portal.',
  ],
  changedNotice: {
    subject: 'Your university password was changed',
    text: (accounts, when, contact) =>
      `Your password was changed for: ${accounts}, on ${when} (UTC), through passdesk in Slack.\n\nIf you did not do this, contact ${contact} at once.`,
    notChanged: (accounts) => `It was NOT changed for: ${accounts}. These accounts keep their old password for now.`,
    notMeButton: 'This wasn\'t me',
  },
  notMe: {
    reply: (contact) =>
      `Thank you for telling us. Call ${contact} now: they can lock the account and help you take it back. Do not reply to any message asking for your password or a code. Pressing this button changed nothing on your account.`,
    alreadyReported: (contact) => `You have already reported this change; the help desk has been told. If nobody has called you back, call ${contact}.`,
    unknownNotice: (contact) => `We can no longer tell which change this was, but take it seriously: call ${contact} now. Nothing was changed on your account.`,
    alert: (person, accounts, when, via) =>
      `:rotating_light: *Password change reported as not theirs* · person: ${person} · accounts: ${accounts} · changed: ${when} UTC (${via}) · call them back and check the accounts. passdesk changed nothing.`,
    via: { reset: 'forgot password, SMS code', change: 'change of a known password', 'service-account': 'service account reset by its owner', 'help-desk': 'help-desk temporary password' },
  },
  ended: {
    noVerifiedEmail: 'Your Slack account has no confirmed email address, so we cannot find your university account.',
    noAccount: 'We found no university account with the email address of your Slack profile.',
    ambiguousMail: 'Your email address belongs to more than one person in the university directory, so we cannot tell which account is yours. Nothing was sent or changed. Please contact the help desk to have it corrected.',
    directoryUnavailable: 'The account directory cannot be reached right now. Nothing was changed. Please try again later.',
    flowExpired: 'This has expired or was already finished. Please start again with /password.',
    flowUnreadable: 'This cannot be continued. Nothing was changed. Please start again with /password.',
    alreadyInProgress: 'Your previous submission is still being processed. Please wait a moment and try again.',
    unexpected: 'Something went wrong on our side. Nothing was changed. Please try again later.',
  },
};
