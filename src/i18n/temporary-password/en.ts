import type { TemporaryPasswordMessages } from './messages';

export const en: TemporaryPasswordMessages = {
  modalTitle: 'Temporary password',
  loading: 'Checking…',

  findIntro: 'Whose password? Choose the person in Slack, or type their username or email.',
  personLabel: 'Person in Slack',
  queryLabel: 'Or their username or email',
  queryHint: 'For example jkowalski or jan.kowalski@uni.example',
  findSubmit: 'Find',
  findEmpty: 'Choose a person in Slack, or type a username or an email.',
  findNone: (query) => `No account found for ${query}.`,
  noSlackEmail: 'This Slack member has no confirmed email address, so their accounts cannot be found. Type their username instead.',

  accountsFound: 'Accounts found:',
  state: {
    disabled: 'disabled',
    locked: 'locked',
    mustChange: 'must change password',
    phone: 'phone registered',
    noPhone: 'no phone registered',
    changedOn: (date) => `password set ${date}`,
    changedUnknown: 'password date unknown',
    expiresOn: (date) => `expires ${date}`,
    neverExpires: 'never expires',
  },
  protectedBecause: {
    serviceAccount: 'it is passdesk\'s own service account',
    adminCount: 'it is an administrative account (adminCount)',
    group: (group) => `it is a member of the protected group ${group}`,
  },
  cannotReset: 'The help desk cannot set a password on this account:',

  accountsLabel: 'Set a temporary password on',
  verificationLabel: 'How did you verify the caller?',
  verification: {
    inPerson: 'Identity document checked in person',
    callBack: 'Called back on the registered phone',
    smsCode: 'Code sent by SMS, read back by the caller',
  },
  ticketLabel: 'Ticket reference',
  ticketHint: 'Letters, digits and - _ / # . : only',
  deliveryLabel: 'How will the person get the password?',
  delivery: {
    show: 'Show it to me once, here, to read out',
    sms: 'SMS to the registered phone',
    dm: 'Slack direct message to the person',
  },
  unlockLabel: 'Locked accounts',
  unlockOption: 'Also unlock the locked accounts',
  chooseSubmit: 'Continue',
  errors: {
    noAccountChosen: 'Choose at least one account.',
    noVerification: 'Choose how you verified the caller.',
    noDelivery: 'Choose how the person gets the password.',
    ticket: (max) => `At most ${max} characters: letters, digits and - _ / # . :`,
    needsPhone: 'No phone is registered on these accounts.',
    needsSlackUser: 'This person has no Slack account we know of.',
    smsCountryNotAllowed: 'SMS to this phone number\'s country are not allowed here (SMS_ALLOWED_COUNTRIES). Choose another way.',
  },

  callBackIntro: (phone) =>
    `Call the person back on the number registered on their account: *${phone}*. Continue only if they answer and confirm the request.`,
  callBackSubmit: 'They confirmed',

  codeIntro: (phone, minutes) =>
    `A 6-digit code went by SMS to the phone number ending in ${phone}. Ask the caller to read it to you. It is valid for ${minutes} minutes.`,
  codeLabel: 'Code the caller reads back',
  codeSubmit: 'Check the code',
  codeFormat: 'The code has exactly 6 digits.',
  codeWrong: (left) => `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`,

  doneTitle: 'Password set',
  doneSet: (accounts) => `:white_check_mark: A temporary password is set on: ${accounts}.`,
  shownOnce: 'Read it out now. It is shown only this once: when this window closes, nobody can see it again.',
  readAloud: (separator) => `Each word starts with a capital letter; the parts are joined by “${separator}”; it ends with two digits.`,
  sentBySms: (phone) => `It was sent by SMS to the phone number ending in ${phone}.`,
  sentByDm: 'It was sent to the person in a Slack direct message.',
  deliveryFailed: ':warning: It could not be sent as chosen, so it is shown here instead. Read it out now; it is shown only this once.',
  unlocked: (accounts) => `Unlocked: ${accounts}.`,
  stillLocked: (accounts) => `Still locked (you did not choose to unlock): ${accounts}.`,
  notSet: (accounts) => `Could NOT be set on: ${accounts}. Nothing was changed there; try again for those accounts.`,
  mustChangeNext: 'The person must choose a new password at their next login.',

  ended: {
    helpDeskOff: 'The help desk is not set up in passdesk: no operators are configured (HELPDESK_USERS, HELPDESK_USERGROUP).',
    notOperator: 'Only help-desk operators may issue temporary passwords. This attempt has been recorded.',
    operatorCheckFailed: 'We could not check that you are a help-desk operator right now. Nothing was changed. Please try again later.',
    nothingToReset: 'None of these accounts can get a temporary password from the help desk. Nothing was changed.',
    rateLimitedOperator: 'You have issued the most temporary passwords allowed in an hour. Nothing was changed; try again later.',
    rateLimitedTarget: 'This account has had the most temporary passwords allowed in a day. Nothing was changed.',
    rateLimitedSms: 'Too many SMS went to this phone recently. Nothing was changed; try again later, or verify the caller another way.',
    codeExpired: 'The code has expired. Nothing was changed. Start again with /temp-password.',
    tooManyCodeAttempts: 'Too many wrong codes. Nothing was changed; this request has been stopped.',
    smsFailed: 'The SMS could not be sent. Nothing was changed. Please try again later.',
    directoryUnavailable: 'The account directory cannot be reached right now. Nothing was changed. Please try again later.',
    accountsChanged: 'An account was removed, disabled or protected meanwhile, so nothing was changed. Start again with /temp-password.',
    setFailed: 'The directory did not accept the temporary password. Nothing was changed.',
    flowExpired: 'This request has expired or was already finished. Start again with /temp-password.',
    flowUnreadable: 'This request can no longer be continued. Start again with /temp-password.',
  },

  triggerExpired: 'The help-desk window took too long to open. Please run /temp-password again.',

  smsCode: (code, minutes) =>
    `Your help-desk verification code: ${code}. Valid for ${minutes} minutes. Read it to the help-desk operator on the phone, and to no one else.`,
  smsPassword: (password) => `Your temporary university password: ${password}. You must choose a new one when you log in.`,

  personNotice: {
    subject: 'The help desk set a temporary password on your account',
    text: (accounts, when, operator, contact) =>
      `The IT help desk (${operator}) set a temporary password on your account(s): ${accounts}, on ${when} (UTC).\n\n`
      + 'At your next login you must choose a new password of your own.\n\n'
      + `If you did not ask for this, contact ${contact} at once.`,
    password: (password) => `Your temporary password: ${password}`,
  },

  logLine: {
    issued: 'Temporary password issued',
    refused: 'Temporary password refused',
    operator: 'operator',
    accounts: 'accounts',
    verification: 'verified by',
    ticket: 'ticket',
    delivery: 'delivery',
    result: 'result',
    none: 'none',
  },
};
