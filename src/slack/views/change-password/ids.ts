/** Callback and block ids of the "change a password I know" modal. */
export const CHANGE_CALLBACK = {
  loading: 'change-password.loading',
  form: 'change-password.form',
  finished: 'change-password.finished',
} as const;

export const CHANGE_BLOCK = {
  accounts: 'accounts',
  current: 'current_password',
  newPassword: 'new_password',
  confirmPassword: 'confirm_password',
} as const;

/** The optional input for one account's own current password (`id` is its position in the form). */
export function currentForBlock(id: string): string {
  return `current_password_${id}`;
}
