import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from '../../config';
import type { Account } from '../../directory/directory';
import { maskMail } from '../../log/mask';
import type { ArithmeticChallenge } from '../shared/arithmetic-challenge';
import type { FlowKey } from '../shared/flow-repository';
import { newVerification, verificationFields } from '../shared/sms-verification/verification-state';

/**
 * One "manage a service account" flow. The owner's DNs and the service accounts they owned at
 * the start are kept here, never taken from Slack; the directory checks ownership again when it
 * writes.
 */
export const serviceStateSchema = z.object({
  ...verificationFields,
  teamId: z.string(),
  userId: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  step: z.enum(['identity', 'code', 'new-password', 'done', 'ended']),
  expiresAt: z.number(),
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
  /** The owner account the phone is registered on, as the code screen names it, and its mail masked. */
  phoneOwner: z.string(),
  phoneOwnerMail: z.string().nullable(),
  /** While a change runs: until when other submissions are turned away. */
  changingUntil: z.number().nullable(),
});

export type ServiceState = z.infer<typeof serviceStateSchema>;

export function newServiceState(start: {
  key: FlowKey;
  locale: Locale;
  expiresAt: number;
  owner: Account[];
  phoneAccount: Account;
  services: Account[];
  challenge: ArithmeticChallenge | null;
}): ServiceState {
  return {
    ...newVerification(start.phoneAccount.dn, start.challenge),
    teamId: start.key.teamId,
    userId: start.key.userId,
    locale: start.locale,
    step: 'identity',
    expiresAt: start.expiresAt,
    ownerDns: start.owner.map((account) => account.dn),
    ownerMails: [...new Set(start.owner.map((account) => account.mail).filter(Boolean))],
    ownerUsernames: start.owner.map((account) => account.username),
    ownerNameParts: [...new Set(start.owner.flatMap((account) => account.nameParts))],
    services: start.services.filter((service) => !service.disabled).map(({ dn, username }) => ({ dn, username })),
    skipped: start.services.filter((service) => service.disabled).map((service) => service.username),
    phoneOwner: start.phoneAccount.username,
    phoneOwnerMail: start.phoneAccount.mail ? maskMail(start.phoneAccount.mail) : null,
    changingUntil: null,
  };
}
