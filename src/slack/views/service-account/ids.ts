import { NEW_PASSWORD_BLOCK } from '../shared/new-password-views';
import { VERIFICATION_BLOCK } from '../shared/verification-views';

/** Callback, block and action ids of the "manage a service account" modal. */
export const SERVICE_CALLBACK = {
  loading: 'service-account.loading',
  identity: 'service-account.identity',
  code: 'service-account.code',
  newPassword: 'service-account.new-password',
  finished: 'service-account.finished',
} as const;

export const SERVICE_BLOCK = {
  ...VERIFICATION_BLOCK,
  service: 'service_account',
  ...NEW_PASSWORD_BLOCK,
} as const;

export const SERVICE_RESEND_ACTION = 'service-account.resend-code';
