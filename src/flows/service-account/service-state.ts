import { z } from 'zod';
import type { Account } from '../../directory/directory';
import { journeyStateFields, type JourneyStateStart } from '../shared/journey-state';
import { newVerifiedFlow, phoneOwnerFields, phoneOwnerOf, verificationFields } from '../shared/sms-verification/verification-state';

/**
 * One "manage a service account" flow. The owner's DNs and the service accounts they owned at
 * the start are kept here, never taken from Slack; the directory checks ownership again when it
 * writes.
 */
export const serviceStateSchema = z.object({
  ...journeyStateFields,
  ...verificationFields,
  ...phoneOwnerFields,
  step: z.enum(['identity', 'code', 'new-password', 'done', 'ended']),
  /** The owner's own enabled accounts: who the service accounts must belong to. */
  ownerDns: z.array(z.string()),
  /** Where the "password changed" mail goes: the owner's addresses. */
  ownerMails: z.array(z.string()),
  /**
   * The owner's usernames and name parts: the checklist's "your username" and "your name" (with
   * the service account's own username). Empty for flows stored before they were kept.
   */
  ownerUsernames: z.array(z.string()).default([]),
  ownerNameParts: z.array(z.string()).default([]),
  /** The service accounts the owner may reset, in the order offered; the form sends a position. */
  services: z.array(z.object({ dn: z.string(), username: z.string() })),
  /** Usernames of owned service accounts that are disabled. */
  skipped: z.array(z.string()),
  /** While a change runs: until when other submissions are turned away. */
  changingUntil: z.number().nullable(),
});

export type ServiceState = z.infer<typeof serviceStateSchema>;

export function newServiceState(start: JourneyStateStart & {
  owner: Account[];
  phoneAccount: Account;
  services: Account[];
  arithmeticChallenge: boolean;
}): ServiceState {
  return {
    ...newVerifiedFlow({ ...start, phoneAccountDn: start.phoneAccount.dn }),
    ...phoneOwnerOf(start.phoneAccount),
    ownerDns: start.owner.map((account) => account.dn),
    ownerMails: [...new Set(start.owner.map((account) => account.mail).filter(Boolean))],
    ownerUsernames: start.owner.map((account) => account.username),
    ownerNameParts: [...new Set(start.owner.flatMap((account) => account.nameParts))],
    services: start.services.filter((service) => !service.disabled).map(({ dn, username }) => ({ dn, username })),
    skipped: start.services.filter((service) => service.disabled).map((service) => service.username),
    changingUntil: null,
  };
}
