import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../directory/directory';
import { journeyStateFields, type JourneyStateStart, newJourneyState } from '../shared/journey-state';

const changeAccountSchema = z.object({
  dn: z.string(),
  username: z.string(),
  mail: z.string(),
  /** AD: the userPrincipalName where it differs from the username. */
  principalName: z.string().optional(),
});

/**
 * What the server remembers of one "change a password I know" flow. Never a password: the
 * current ones are checked and used within one submission, the new one only fingerprinted
 * after a partial change.
 */
export const changeStateSchema = z.object({
  ...journeyStateFields,
  flowId: z.string(),
  step: z.enum(['form', 'done', 'ended']),
  /** The person's enabled accounts, in the order shown; the form refers to them by position. */
  accounts: z.array(changeAccountSchema),
  /** Usernames of the person's disabled accounts. */
  skipped: z.array(z.string()),
  /** Changed by an earlier submission of this flow (a partial change). */
  changedDns: z.array(z.string()),
  /** After a partial change: keyed hash of the new password, so the retry sets the same one. */
  passwordFingerprint: z.string().nullable(),
  /** While a change runs: until when other submissions are turned away. */
  changingUntil: z.number().nullable(),
});

export type ChangeState = z.infer<typeof changeStateSchema>;
export type ChangeAccount = z.infer<typeof changeAccountSchema>;

export function newChangeState(start: JourneyStateStart & { active: Account[]; disabled: Account[] }): ChangeState {
  const { active, disabled } = start;
  return {
    ...newJourneyState(start),
    flowId: randomUUID(),
    step: 'form',
    accounts: active.map(({ dn, username, mail, principalName }) => (principalName ? { dn, username, mail, principalName } : { dn, username, mail })),
    skipped: disabled.map((account) => account.username),
    changedDns: [],
    passwordFingerprint: null,
    changingUntil: null,
  };
}
