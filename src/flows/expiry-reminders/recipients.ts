/**
 * Who receives each due person's reminder: the chat user found by one of their accounts' mail
 * addresses, else a mail to those addresses; never both. Groups that end at the same chat user (or
 * the same addresses) are merged, so nobody gets two messages from one sweep.
 */
import type { Locale } from '../../config';
import type { ChatPerson, PersonFinder } from './reminder-ports';
import type { DueAccount, DueGroup } from './sweep-scan';

export type Recipient =
  | { channel: 'slack'; person: ChatPerson }
  | { channel: 'mail'; addresses: string[]; locale: Locale };

export interface Delivery {
  recipient: Recipient;
  accounts: DueAccount[];
}

export interface Resolved {
  deliveries: Delivery[];
  /** Accounts with no mail address: nobody to tell. */
  unreachable: DueAccount[];
  /** Accounts whose person could not be looked up (chat API failing): left for the next sweep. */
  lookupFailed: { account: DueAccount; error: unknown }[];
}

export async function resolveRecipients(
  groups: DueGroup[],
  finder: PersonFinder,
  defaultLocale: Locale,
  signal?: AbortSignal,
): Promise<Resolved> {
  const byRecipient = new Map<string, Delivery>();
  const resolved: Resolved = { deliveries: [], unreachable: [], lookupFailed: [] };
  for (const group of groups) {
    signal?.throwIfAborted();
    const addresses = uniqueAddresses(group.accounts);
    if (addresses.length === 0) {
      resolved.unreachable.push(...group.accounts);
      continue;
    }
    let person: ChatPerson | undefined;
    try {
      person = await finder.findByMail(addresses, signal);
    } catch (error) {
      signal?.throwIfAborted(); // stopped while waiting for Slack's rate limit: not a failure
      resolved.lookupFailed.push(...group.accounts.map((account) => ({ account, error })));
      continue;
    }
    const recipient: Recipient = person
      ? { channel: 'slack', person }
      : { channel: 'mail', addresses, locale: defaultLocale };
    const key = recipient.channel === 'slack' ? `slack:${recipient.person.userId}` : `mail:${addresses.join(',')}`;
    const delivery = byRecipient.get(key);
    if (delivery) delivery.accounts.push(...group.accounts);
    else byRecipient.set(key, { recipient, accounts: [...group.accounts] });
  }
  resolved.deliveries = [...byRecipient.values()];
  return resolved;
}

function uniqueAddresses(accounts: DueAccount[]): string[] {
  return [...new Set(accounts.map((account) => account.mail.trim().toLowerCase()).filter(Boolean))].sort();
}
