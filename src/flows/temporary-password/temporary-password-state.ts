import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Locale, SUPPORTED_LOCALES } from '../../config';
import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';

export const VERIFICATIONS = ['in-person', 'call-back', 'sms-code'] as const;
export const DELIVERIES = ['show', 'sms', 'dm'] as const;
export type Verification = (typeof VERIFICATIONS)[number];
export type Delivery = (typeof DELIVERIES)[number];

/** One account found for the operator, with what they are shown of it (no phone number, no secret). */
const candidateSchema = z.object({
  dn: z.string(),
  username: z.string(),
  displayName: z.string(),
  mail: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChange: z.boolean(),
  /** Epoch ms; null when the directory does not say. */
  passwordChangedAt: z.number().nullable(),
  passwordExpiresAt: z.number().nullable(),
  hasPhone: z.boolean(),
  protection: z.discriminatedUnion('reason', [
    z.object({ reason: z.literal('service-account') }),
    z.object({ reason: z.literal('admin-count') }),
    z.object({ reason: z.literal('protected-group'), groupDn: z.string() }),
  ]).nullable(),
});

const choiceSchema = z.object({
  dns: z.array(z.string()).min(1),
  verification: z.enum(VERIFICATIONS),
  /** Operator-typed, checked for length and characters; null when none. */
  ticket: z.string().nullable(),
  delivery: z.enum(DELIVERIES),
  unlock: z.boolean(),
});

/**
 * One help-desk request, keyed by team, operator and modal. The temporary password is never part
 * of it (it lives only in the step that sets it and in the screen that shows it); the phone
 * number is re-read from the directory whenever needed; the code is kept only as a keyed hash.
 */
export const temporaryPasswordStateSchema = z.object({
  flowId: z.string(),
  teamId: z.string(),
  /** The operator. */
  userId: z.string(),
  operatorName: z.string(),
  locale: z.enum(SUPPORTED_LOCALES),
  step: z.enum(['find', 'choose', 'call-back', 'code', 'issuing', 'done', 'ended']),
  expiresAt: z.number(),
  /** The person's Slack user, when known (picked, or found by the accounts' mail). */
  personSlackUserId: z.string().nullable(),
  candidates: z.array(candidateSchema),
  choice: choiceSchema.nullable(),
  /** The chosen account whose registered phone receives SMS (code or password). */
  phoneAccountDn: z.string().nullable(),
  codeHash: z.string().nullable(),
  codeExpiresAt: z.number().nullable(),
  codeFailures: z.number(),
  phoneEnding: z.string().nullable(),
});

export type Candidate = z.infer<typeof candidateSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type TemporaryPasswordState = z.infer<typeof temporaryPasswordStateSchema>;

/** Help-desk flows in the store: namespace `temporary-password`, keyed by the modal's view id. */
export function temporaryPasswordFlows(store: FlowStore): FlowRepository<TemporaryPasswordState> {
  return new FlowRepository(store, 'temporary-password', temporaryPasswordStateSchema);
}

export function newTemporaryPasswordState(start: {
  teamId: string;
  userId: string;
  operatorName: string;
  locale: Locale;
  expiresAt: number;
}): TemporaryPasswordState {
  return {
    flowId: randomUUID(),
    ...start,
    step: 'find',
    personSlackUserId: null,
    candidates: [],
    choice: null,
    phoneAccountDn: null,
    codeHash: null,
    codeExpiresAt: null,
    codeFailures: 0,
    phoneEnding: null,
  };
}

/** Accounts the help desk may set a password on: enabled and not protected. */
export function isSelectable(candidate: Candidate): boolean {
  return !candidate.disabled && candidate.protection === null;
}
