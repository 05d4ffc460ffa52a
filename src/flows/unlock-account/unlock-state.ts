import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from '../../config';
import type { Account } from '../../directory/directory';
import { maskMail } from '../../log/mask';
import type { ArithmeticChallenge } from '../shared/arithmetic-challenge';
import type { FlowKey } from '../shared/flow-repository';
import { newVerification, verificationFields } from '../shared/sms-verification/verification-state';

const unlockAccountSchema = z.object({ dn: z.string(), username: z.string() });

/** One "my account is locked" flow: which of the person's accounts were locked when it started. */
export const unlockStateSchema = z.object({
  ...verificationFields,
  teamId: z.string(),
  userId: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  step: z.enum(['identity', 'code', 'done', 'ended']),
  expiresAt: z.number(),
  /** The person's enabled accounts that were locked at the start (re-read before unlocking). */
  locked: z.array(unlockAccountSchema),
  /** Usernames of the person's disabled accounts: never unlocked here. */
  skipped: z.array(z.string()),
  /** The account the phone is registered on, as the code screen names it, and its mail masked. */
  phoneOwner: z.string(),
  phoneOwnerMail: z.string().nullable(),
});

export type UnlockState = z.infer<typeof unlockStateSchema>;

export function newUnlockState(start: {
  key: FlowKey;
  locale: Locale;
  expiresAt: number;
  locked: Account[];
  disabled: Account[];
  phoneAccount: Account;
  challenge: ArithmeticChallenge | null;
}): UnlockState {
  return {
    ...newVerification(start.phoneAccount.dn, start.challenge),
    teamId: start.key.teamId,
    userId: start.key.userId,
    locale: start.locale,
    step: 'identity',
    expiresAt: start.expiresAt,
    locked: start.locked.map(({ dn, username }) => ({ dn, username })),
    skipped: start.disabled.map((account) => account.username),
    phoneOwner: start.phoneAccount.username,
    phoneOwnerMail: start.phoneAccount.mail ? maskMail(start.phoneAccount.mail) : null,
  };
}
