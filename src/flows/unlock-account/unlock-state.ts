import { z } from 'zod';
import type { Account } from '../../directory/directory';
import { journeyStateFields, type JourneyStateStart } from '../shared/journey-state';
import { newVerifiedFlow, phoneOwnerFields, phoneOwnerOf, verificationFields } from '../shared/sms-verification/verification-state';

const unlockAccountSchema = z.object({ dn: z.string(), username: z.string() });

/** One "my account is locked" flow: which of the person's accounts were locked when it started. */
export const unlockStateSchema = z.object({
  ...journeyStateFields,
  ...verificationFields,
  ...phoneOwnerFields,
  step: z.enum(['identity', 'code', 'done', 'ended']),
  /** The person's enabled accounts that were locked at the start (re-read before unlocking). */
  locked: z.array(unlockAccountSchema),
  /** Usernames of the person's disabled accounts: never unlocked here. */
  skipped: z.array(z.string()),
});

export type UnlockState = z.infer<typeof unlockStateSchema>;

export function newUnlockState(start: JourneyStateStart & {
  locked: Account[];
  disabled: Account[];
  phoneAccount: Account;
  arithmeticChallenge: boolean;
}): UnlockState {
  return {
    ...newVerifiedFlow({ ...start, phoneAccountDn: start.phoneAccount.dn }),
    ...phoneOwnerOf(start.phoneAccount),
    locked: start.locked.map(({ dn, username }) => ({ dn, username })),
    skipped: start.disabled.map((account) => account.username),
  };
}
