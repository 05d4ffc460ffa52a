import { maskMail } from '../../log/mask';
import type { EndedScreen, Outcome } from '../shared/outcome';
import { type Candidate, type Delivery, isSelectable } from './temporary-password-state';

/** What the operator sees next, as plain data; the Slack edge renders it. */
export type TemporaryPasswordScreen =
  | FindScreen
  | ChooseScreen
  | CallBackScreen
  | CodeScreen
  | DoneScreen
  | RefusedScreen
  | EndedScreen<TemporaryPasswordEndReason>;

export type TemporaryPasswordOutcome = Outcome<TemporaryPasswordScreen>;

export type TemporaryPasswordEndReason =
  | 'help-desk-off'
  | 'not-operator'
  | 'operator-check-failed'
  | 'rate-limited-operator'
  | 'rate-limited-target'
  | 'rate-limited-sms'
  | 'code-expired'
  | 'too-many-code-attempts'
  | 'sms-failed'
  | 'directory-unavailable'
  | 'accounts-changed'
  | 'set-failed';

export interface FindScreen {
  step: 'find';
  error?: { kind: 'empty' } | { kind: 'not-found'; query: string } | { kind: 'no-slack-email' };
}

/** One account as the operator sees it. */
export interface AccountRow {
  /** The option value that stands for this account in the modal (its index in the flow). */
  value: string;
  /** `username (m***l@domain)`: enough to recognise it, not to harvest addresses. */
  label: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  mustChange: boolean;
  passwordChangedAt: Date | null;
  passwordExpiresAt: Date | null;
  hasPhone: boolean;
  protection: Candidate['protection'];
  selectable: boolean;
}

export type ChooseField = 'accounts' | 'verification' | 'delivery' | 'ticket';
export type ChooseError =
  | 'no-account' | 'no-verification' | 'no-delivery' | 'ticket' | 'needs-phone' | 'needs-slack-user' | 'sms-country-not-allowed';

export interface ChooseScreen {
  step: 'choose';
  rows: AccountRow[];
  /** Whether SMS (code, call-back, delivery) is possible: some selectable account has a phone. */
  canUsePhone: boolean;
  /** Whether a Slack DM can reach the person. */
  canDm: boolean;
  anyLocked: boolean;
  errors?: Partial<Record<ChooseField, ChooseError>>;
}

export interface CallBackScreen {
  step: 'call-back';
  /** The number registered on the account, for the operator to dial. */
  phone: string;
  accounts: string[];
}

export interface CodeScreen {
  step: 'code';
  phoneEnding: string;
  minutes: number;
  error?: { kind: 'format' } | { kind: 'wrong'; attemptsLeft: number };
}

export interface DoneScreen {
  step: 'done';
  accounts: string[];
  notSet: string[];
  delivery: Delivery;
  /** The password, for this one screen only: when delivery is 'show', or the chosen one failed. */
  shown?: { password: string; separator: string };
  deliveryFailed: boolean;
  phoneEnding?: string;
  unlocked: string[];
  stillLocked: string[];
}

/** Nothing found can be reset: every account is disabled or protected, each with its reason. */
export interface RefusedScreen {
  step: 'refused';
  rows: AccountRow[];
}

export function accountRows(candidates: Candidate[]): AccountRow[] {
  return candidates.map((candidate, index) => ({
    value: String(index),
    label: describeAccount(candidate),
    displayName: candidate.displayName,
    disabled: candidate.disabled,
    locked: candidate.locked,
    mustChange: candidate.mustChange,
    passwordChangedAt: candidate.passwordChangedAt === null ? null : new Date(candidate.passwordChangedAt),
    passwordExpiresAt: candidate.passwordExpiresAt === null ? null : new Date(candidate.passwordExpiresAt),
    hasPhone: candidate.hasPhone,
    protection: candidate.protection,
    selectable: isSelectable(candidate),
  }));
}

export function chooseScreen(
  candidates: Candidate[],
  personSlackUserId: string | null,
  errors?: ChooseScreen['errors'],
): ChooseScreen {
  const selectable = candidates.filter(isSelectable);
  return {
    step: 'choose',
    rows: accountRows(candidates),
    canUsePhone: selectable.some((candidate) => candidate.hasPhone),
    canDm: personSlackUserId !== null,
    anyLocked: selectable.some((candidate) => candidate.locked),
    errors,
  };
}

/** The username with its mail masked, as accounts are shown (and posted) everywhere. */
export function describeAccount(account: { username: string; mail: string }): string {
  return account.mail ? `${account.username} (${maskMail(account.mail)})` : account.username;
}
