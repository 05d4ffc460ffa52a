import type { ChooseScreen } from './temporary-password-screen';
import {
  type Candidate, type Choice, DELIVERIES, type Delivery, isSelectable, type TemporaryPasswordState, VERIFICATIONS, type Verification,
} from './temporary-password-state';

/** A ticket reference: short, and only characters that cannot format or link anything. */
export const TICKET_MAX_LENGTH = 64;
const TICKET_PATTERN = /^[\p{L}\p{N} _\-/#.:]*$/u;

/** What the operator submitted on the "choose" screen, as raw values. */
export interface ChoiceInput {
  /** Option values of the ticked accounts (their index in the flow). */
  accounts: string[];
  verification?: string;
  delivery?: string;
  ticket: string;
  unlock: boolean;
}

export type ReadChoice =
  | { kind: 'choice'; choice: Choice; phoneAccountDn: string | null }
  | { kind: 'errors'; errors: NonNullable<ChooseScreen['errors']> };

/**
 * Checks the submitted choice against the flow on the server, never against what the modal
 * claims: only accounts the flow offered as selectable count, and a phone or a Slack user must
 * exist for the ways that need one.
 */
export function readChoice(state: TemporaryPasswordState, input: ChoiceInput): ReadChoice {
  const errors: NonNullable<ChooseScreen['errors']> = {};
  const chosen = [...new Set(input.accounts)]
    .map((value) => (/^\d{1,3}$/.test(value) ? state.candidates[Number(value)] : undefined))
    .filter((candidate): candidate is Candidate => candidate !== undefined && isSelectable(candidate));
  if (chosen.length === 0) errors.accounts = 'no-account';

  const verification = (VERIFICATIONS as readonly string[]).includes(input.verification ?? '') ? input.verification as Verification : undefined;
  const delivery = (DELIVERIES as readonly string[]).includes(input.delivery ?? '') ? input.delivery as Delivery : undefined;
  const phoneAccount = chosen.find((candidate) => candidate.hasPhone);
  if (!verification) errors.verification = 'no-verification';
  else if (verification !== 'in-person' && chosen.length > 0 && !phoneAccount) errors.verification = 'needs-phone';
  if (!delivery) errors.delivery = 'no-delivery';
  else if (delivery === 'sms' && chosen.length > 0 && !phoneAccount) errors.delivery = 'needs-phone';
  else if (delivery === 'dm' && state.personSlackUserId === null) errors.delivery = 'needs-slack-user';

  const ticket = input.ticket.trim();
  if ([...ticket].length > TICKET_MAX_LENGTH || !TICKET_PATTERN.test(ticket)) errors.ticket = 'ticket';

  if (Object.keys(errors).length > 0 || !verification || !delivery) return { kind: 'errors', errors };
  return {
    kind: 'choice',
    choice: {
      dns: chosen.map((candidate) => candidate.dn),
      verification,
      ticket: ticket === '' ? null : ticket,
      delivery,
      unlock: input.unlock,
    },
    phoneAccountDn: phoneAccount?.dn ?? null,
  };
}
