import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from '../../config';
import type { Account } from '../../directory/directory';
import type { ArithmeticChallenge } from '../shared/arithmetic-challenge';

const flowAccountSchema = z.object({
  dn: z.string(),
  username: z.string(),
  mail: z.string(),
});

/**
 * What the server remembers of one `/password` flow, keyed by team, user and view. Nothing
 * here is taken from Slack's `private_metadata`, and nothing here is a secret in clear. The
 * schema checks what the store gives back.
 */
export const resetStateSchema = z.object({
  flowId: z.string(),
  teamId: z.string(),
  userId: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  step: z.enum(['identity', 'code', 'new-password', 'done', 'ended']),
  /** Epoch ms after which the flow is gone. */
  expiresAt: z.number(),
  accounts: z.array(flowAccountSchema),
  /** Usernames of the person's disabled accounts: listed as not changed. */
  skipped: z.array(z.string()),
  /** The account whose registered phone receives the code; the phone itself is re-read, not stored. */
  phoneAccountDn: z.string(),
  /** The arithmetic question and its result; null when the challenge is off. */
  challengeQuestion: z.string().nullable(),
  challengeAnswer: z.number().nullable(),
  identityFailures: z.number(),
  /** Keyed hash of the live code; null once used or before one was sent. */
  codeHash: z.string().nullable(),
  codeSentAt: z.number().nullable(),
  codeExpiresAt: z.number().nullable(),
  /** Never reset by a resend. */
  codeFailures: z.number(),
  /** The phone's last two digits, for the code screen. */
  phoneEnding: z.string().nullable(),
  /** DNs already changed, so a retry after a partial failure finishes only the rest. */
  changedDns: z.array(z.string()),
  /** After a partial change: keyed hash of the password set, so the retry uses the same one. */
  passwordFingerprint: z.string().nullable(),
  /**
   * While a change runs: epoch ms until which other submissions are turned away, renewed before
   * each account. Still set once past: the change was interrupted (the process stopped).
   */
  changingUntil: z.number().nullable(),
  /** The account being written while a change runs: the one a crash leaves in doubt. */
  writingDn: z.string().nullable().default(null),
});

/** One account the flow will change, as remembered between steps (no phone, no secret). */
export type FlowAccount = z.infer<typeof flowAccountSchema>;
export type ResetState = z.infer<typeof resetStateSchema>;
export type ResetStep = ResetState['step'];

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
    writingDn: null,
  };
}
