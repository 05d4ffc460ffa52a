import { randomUUID } from 'node:crypto';
import type { Locale } from '../../config';
import type { Account } from '../../directory/directory';
import type { ArithmeticChallenge } from './arithmetic-challenge';

/** One account the flow will change, as remembered between steps (no phone, no secret). */
export interface FlowAccount {
  dn: string;
  username: string;
  mail: string;
}

export type ResetStep = 'identity' | 'code' | 'new-password' | 'done' | 'ended';

/**
 * What the server remembers of one `/password` flow, keyed by team, user and view. Nothing
 * here is taken from Slack's `private_metadata`, and nothing here is a secret in clear.
 */
export interface ResetState {
  flowId: string;
  teamId: string;
  userId: string;
  locale: Locale;
  step: ResetStep;
  /** Epoch ms after which the flow is gone. */
  expiresAt: number;
  accounts: FlowAccount[];
  /** Usernames of the person's disabled accounts: listed as not changed. */
  skipped: string[];
  /** The account whose registered phone receives the code; the phone itself is re-read, not stored. */
  phoneAccountDn: string;
  /** Expected result of the arithmetic question; null when the challenge is off. */
  challengeQuestion: string | null;
  challengeAnswer: number | null;
  identityFailures: number;
  /** Keyed hash of the live code; null once used or before one was sent. */
  codeHash: string | null;
  codeSentAt: number | null;
  codeExpiresAt: number | null;
  /** Never reset by a resend. */
  codeFailures: number;
  /** The phone's last two digits, for the code screen. */
  phoneEnding: string | null;
  /** DNs already changed, so a retry after a partial failure finishes only the rest. */
  changedDns: string[];
  /** After a partial change: keyed hash of the password set, so the retry uses the same one. */
  passwordFingerprint: string | null;
  /** While a change runs: epoch ms until which other submissions are turned away. */
  changingUntil: number | null;
}

/** A flow at its first step: who it is for, which accounts, nothing sent or typed yet. */
export function newResetState(start: {
  ref: { teamId: string; userId: string };
  locale: Locale;
  expiresAt: number;
  active: Account[];
  disabled: Account[];
  phoneAccountDn: string;
  challenge: ArithmeticChallenge | null;
}): ResetState {
  return {
    flowId: randomUUID(),
    teamId: start.ref.teamId,
    userId: start.ref.userId,
    locale: start.locale,
    step: 'identity',
    expiresAt: start.expiresAt,
    accounts: start.active.map(({ dn, username, mail }) => ({ dn, username, mail })),
    skipped: start.disabled.map((a) => a.username),
    phoneAccountDn: start.phoneAccountDn,
    challengeQuestion: start.challenge?.question ?? null,
    challengeAnswer: start.challenge?.answer ?? null,
    identityFailures: 0,
    codeHash: null,
    codeSentAt: null,
    codeExpiresAt: null,
    codeFailures: 0,
    phoneEnding: null,
    changedDns: [],
    passwordFingerprint: null,
    changingUntil: null,
  };
}
