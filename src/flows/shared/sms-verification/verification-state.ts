import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../../directory/directory';
import { maskMail } from '../../../log/mask';
import { newArithmeticChallenge } from '../arithmetic-challenge';
import { type JourneyStateStart, newJourneyState } from '../journey-state';

/**
 * What a flow remembers of its identity check and SMS code: part of the state of every journey
 * that sends one (reset, unlock, service account). No phone number and no code in clear: the
 * phone is re-read from the directory, the code kept as a keyed hash.
 */
export const verificationFields = {
  /** Binds code hashes to this flow. */
  flowId: z.string(),
  /** The account whose registered phone receives the code. */
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
};

const verificationSchema = z.object(verificationFields);
export type VerificationFields = z.infer<typeof verificationSchema>;

/** A flow at its identity check: whose it is, until when, nothing sent or answered yet. */
export function newVerifiedFlow(start: JourneyStateStart & { phoneAccountDn: string; arithmeticChallenge: boolean }) {
  const challenge = start.arithmeticChallenge ? newArithmeticChallenge() : null;
  const verification: VerificationFields = {
    flowId: randomUUID(),
    phoneAccountDn: start.phoneAccountDn,
    challengeQuestion: challenge?.question ?? null,
    challengeAnswer: challenge?.answer ?? null,
    identityFailures: 0,
    codeHash: null,
    codeSentAt: null,
    codeExpiresAt: null,
    codeFailures: 0,
    phoneEnding: null,
  };
  return { ...newJourneyState(start), step: 'identity' as const, ...verification };
}

/**
 * The account the phone is registered on, as the code screen names it, and its mail masked: kept
 * by the journeys whose state lists no accounts of the person (unlock, service account).
 */
export const phoneOwnerFields = {
  phoneOwner: z.string(),
  phoneOwnerMail: z.string().nullable(),
};

export function phoneOwnerOf(account: Account): { phoneOwner: string; phoneOwnerMail: string | null } {
  return { phoneOwner: account.username, phoneOwnerMail: account.mail ? maskMail(account.mail) : null };
}
