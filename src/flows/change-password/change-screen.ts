import type { PolicyRule } from '../../policy/policy';
import type { NewPasswordError } from '../shared/new-password-error';
import type { EndedScreen, LookupEndReason, Outcome } from '../shared/outcome';

export type ChangeScreen = ChangeFormScreen | ChangeDoneScreen | EndedScreen<ChangeEndReason>;
export type ChangeOutcome = Outcome<ChangeScreen>;

/** One form: which accounts, their current password(s), the new password twice. */
export interface ChangeFormScreen {
  step: 'form';
  /** The accounts to choose from; `id` is what the form sends back (a position, never a DN). */
  accounts: { id: string; username: string; principalName?: string }[];
  skipped: string[];
  rules: PolicyRule[];
  error?: ChangeFormError;
  /** After a partial change: which accounts changed and which did not. */
  partial?: { changed: string[]; failed: string[] };
}

export type ChangeFormError =
  | { kind: 'none-chosen' }
  | { kind: 'current-missing' }
  | NewPasswordError
  /** The current password was wrong for these accounts; after `triesLeft` more, passdesk stops asking. */
  | { kind: 'wrong-current'; accounts: string[]; triesLeft: number }
  /** Too many wrong current passwords: passdesk does not check these accounts for an hour. */
  | { kind: 'stopped'; accounts: string[] }
  /** The accounts' lockout threshold is 1 or 2: passdesk never checks their current password. */
  | { kind: 'cannot-check-safely'; accounts: string[] }
  | { kind: 'locked'; accounts: string[] }
  | { kind: 'expired'; accounts: string[] }
  | { kind: 'accounts-changed' }
  | { kind: 'not-same-as-before' };

export interface ChangeDoneScreen {
  step: 'done';
  changed: string[];
}

export type ChangeEndReason = LookupEndReason | 'account-disabled' | 'rate-limited';
