/** Callback and block ids of the help-desk modal: the contract between views and listeners. */
export const TEMP_PASSWORD_CALLBACK = {
  loading: 'temporary-password.loading',
  find: 'temporary-password.find',
  choose: 'temporary-password.choose',
  callBack: 'temporary-password.call-back',
  code: 'temporary-password.code',
  finished: 'temporary-password.finished',
} as const;

export const TEMP_PASSWORD_BLOCK = {
  person: 'person',
  query: 'query',
  accounts: 'accounts',
  verification: 'verification',
  ticket: 'ticket',
  delivery: 'delivery',
  unlock: 'unlock',
  code: 'code',
} as const;

/** The global shortcut's callback id (manifest.yml). */
export const TEMP_PASSWORD_SHORTCUT = 'temporary-password';
/** The value of the single "also unlock" checkbox. */
export const UNLOCK_VALUE = 'unlock';
