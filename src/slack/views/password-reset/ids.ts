import { NEW_PASSWORD_BLOCK } from '../shared/new-password-views';
import { VERIFICATION_BLOCK } from '../shared/verification-views';

/** Callback, block and action ids of the `/password` modal: the contract between views and listeners. */
export const RESET_CALLBACK = {
  loading: 'password-reset.loading',
  identity: 'password-reset.identity',
  code: 'password-reset.code',
  newPassword: 'password-reset.new-password',
  finished: 'password-reset.finished',
} as const;

export const RESET_BLOCK = {
  ...VERIFICATION_BLOCK,
  ...NEW_PASSWORD_BLOCK,
} as const;

export const RESEND_CODE_ACTION = 'password-reset.resend-code';
