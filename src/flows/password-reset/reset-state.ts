import { z } from 'zod';
import type { Account } from '../../directory/directory';
import { journeyStateFields, type JourneyStateStart } from '../shared/journey-state';
import { newVerifiedFlow, verificationFields } from '../shared/sms-verification/verification-state';

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
  ...journeyStateFields,
  ...verificationFields,
  step: z.enum(['identity', 'code', 'new-password', 'done', 'ended']),
  accounts: z.array(flowAccountSchema),
  /** Usernames of the person's disabled accounts: listed as not changed. */
  skipped: z.array(z.string()),
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
export function newResetState(start: JourneyStateStart & {
  active: Account[];
  disabled: Account[];
  phoneAccountDn: string;
  arithmeticChallenge: boolean;
}): ResetState {
  return {
    ...newVerifiedFlow(start),
    accounts: start.active.map(({ dn, username, mail }) => ({ dn, username, mail })),
    skipped: start.disabled.map((a) => a.username),
    changedDns: [],
    passwordFingerprint: null,
    changingUntil: null,
    writingDn: null,
  };
}
