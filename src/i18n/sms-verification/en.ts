import { plural } from '../plural';
import type { SmsVerificationMessages } from './messages';

export const en: SmsVerificationMessages = {
  identityIntro: 'First, confirm it is you.',
  phoneOwner: (mail) =>
    `The code will go to the phone registered on the account of ${mail ?? 'your email address'}.`,
  phoneDigitsLabel: 'Last 3 digits of your registered phone number',
  phoneDigitsHint: 'The number you registered for password recovery. We will send the code to it.',
  challengeLabel: (question) => `How much is ${question}?`,
  phoneDigitsFormat: 'Type exactly 3 digits.',
  identityWrong: (newQuestion) =>
    `These answers do not match our records. Check them and try again${newQuestion ? ', with the new question below' : ''}.`,
  codeIntro: (phone, account, minutes) =>
    `We sent a 6-digit code by SMS to the phone number ending in ${phone}, registered on the account ${account}. It is valid for ${minutes} minutes and can be used once. It usually arrives within a minute.`,
  codeLabel: 'Code from the SMS',
  codeFormat: 'The code has exactly 6 digits.',
  codeWrong: (left) => `That code is not right. ${plural('en', left, { one: '# try left', other: '# tries left' })}.`,
  resendButton: 'Send a new code',
  resent: (phone) => `A new code is on its way to the phone number ending in ${phone}. Earlier codes no longer work.`,
  resendCooldown: (seconds) => `Please wait ${seconds} seconds before asking for a new code.`,
  ended: {
    noPhone: 'Your account has no phone number registered for password recovery, so we cannot send you a code.',
    rateLimited: 'Too many attempts. For your safety, this is paused for a while; please try again later.',
    smsFailed: 'We could not send the SMS. Nothing was changed. Please try again later.',
    smsCountryNotAllowed: 'Your registered phone number is in a country we do not send SMS codes to, so we cannot send you a code. Nothing was changed. Please contact the help desk.',
    codeExpired: 'The code has expired. Please start again with /password.',
    tooManyCodeAttempts: 'Too many wrong codes. This has been stopped; start again with /password later.',
    tooManyIdentityAttempts: 'Too many wrong answers. This has been stopped.',
  },
};
