import { NEW_PASSWORD_BLOCK } from '../shared/new-password-views';

/** Callback and block ids of the "change a password I know" modal. */
export const CHANGE_CALLBACK = {
  loading: 'change-password.loading',
  form: 'change-password.form',
  finished: 'change-password.finished',
} as const;

export const CHANGE_BLOCK = {
  accounts: 'accounts',
  current: 'current_password',
  ...NEW_PASSWORD_BLOCK,
} as const;

/** The optional input for one account's own current password (`id` is its position in the form). */
export function currentForBlock(id: string): string {
  return `current_password_${id}`;
}
