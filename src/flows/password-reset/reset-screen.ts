import { maskMail } from '../../log/mask';
import type { PolicyRule } from '../../policy/policy';
import type { NewPasswordError } from '../shared/new-password-error';
import type { EndedScreen, LookupEndReason, Outcome } from '../shared/outcome';
import type {
  CodeScreen, IdentityScreen, VerificationEndReason, VerificationSubject,
} from '../shared/sms-verification/verification-screens';
import type { FlowAccount, ResetState } from './reset-state';

/**
 * What the person should see next, as plain data. The Slack edge renders it; the journey
 * never knows about blocks or views.
 */
export type ResetScreen =
  | IdentityScreen
  | CodeScreen
  | NewPasswordScreen
  | DoneScreen
  | EndedScreen<ResetEndReason>;

export type ResetOutcome = Outcome<ResetScreen>;

export type { CodeScreen, IdentityScreen };

export interface NewPasswordScreen {
  step: 'new-password';
  accounts: string[];
  rules: PolicyRule[];
  error?:
    | NewPasswordError
    | { kind: 'not-same-as-before' }
    | { kind: 'accounts-changed' }
    /** Another submission is changing the accounts right now: wait, then submit again. */
    | { kind: 'busy' };
  /** After a partial failure: what changed and what did not. */
  partial?: { changed: string[]; failed: string[] };
}

export interface DoneScreen {
  step: 'done';
  changed: string[];
  /**
   * Accounts left unchanged when the flow cannot take a retry (its state could not be kept):
   * the person is told which, and to ask the help desk. Empty when every account changed.
   */
  notChanged: string[];
}

/** Why a reset cannot go on, beyond the reasons every journey has. */
export type ResetEndReason = LookupEndReason | VerificationEndReason | 'account-disabled';

export type EndReason = EndedScreen<ResetEndReason>['reason'];

/** The accounts and the phone's owner, as the identity and code screens name them. */
export function resetSubject(state: ResetState): VerificationSubject {
  const owner = phoneAccountOf(state);
  return {
    accounts: state.accounts.map(describeAccount),
    skipped: state.skipped,
    phoneOwner: owner?.username ?? '',
    phoneOwnerMail: owner?.mail ? maskMail(owner.mail) : null,
  };
}

function phoneAccountOf(state: ResetState): FlowAccount | undefined {
  return state.accounts.find((account) => account.dn === state.phoneAccountDn);
}

/** The username with its mail masked: enough to recognise one's accounts, not to harvest addresses. */
function describeAccount(account: FlowAccount): string {
  return account.mail ? `${account.username} (${maskMail(account.mail)})` : account.username;
}
