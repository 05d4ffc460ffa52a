import type { FoundAccount } from '../../directory/directory';

/** Why the accounts a mail found cannot be used by this person. */
export type AccountRefusal = 'no-account' | 'ambiguous-mail' | 'account-disabled' | 'no-phone';

export type PersonAccounts =
  | { kind: 'found'; active: FoundAccount[]; disabled: FoundAccount[] }
  | { kind: 'refused'; reason: Exclude<AccountRefusal, 'no-phone'>; subject?: string; detail?: Record<string, number> };

/**
 * The person's own accounts among those found for their confirmed email: several entries matching
 * the mail itself must be one person (linked by `LDAP_LINK_ATTR`), otherwise the address is
 * nobody's; at least one must be enabled. Every journey that starts from the Slack email uses it.
 */
export function personAccounts(found: FoundAccount[]): PersonAccounts {
  const direct = found.filter((account) => account.foundBy === 'direct');
  if (direct.length === 0) return { kind: 'refused', reason: 'no-account' };
  if (!samePerson(direct)) return { kind: 'refused', reason: 'ambiguous-mail', detail: { matches: direct.length } };
  const active = found.filter((account) => !account.disabled);
  if (active.length === 0) return { kind: 'refused', reason: 'account-disabled', subject: found[0].dn };
  return { kind: 'found', active, disabled: found.filter((account) => account.disabled) };
}

export type AccountChoice =
  | {
      kind: 'chosen';
      /** The accounts to change. */
      active: FoundAccount[];
      /** The person's disabled accounts: listed as not changed. */
      disabled: FoundAccount[];
      /** The account whose registered phone receives the code. */
      phoneAccount: FoundAccount;
    }
  | { kind: 'refused'; reason: AccountRefusal; subject?: string; detail?: Record<string, number> };

/**
 * Which of the accounts found for a confirmed email are the person's, and whose phone proves it.
 * Several entries matching the mail itself must be one person (linked by `LDAP_LINK_ATTR`);
 * otherwise the address is nobody's, and nothing is chosen. The code goes to the phone of an
 * (enabled) account the mail matched, and a linked account's phone counts only when
 * `linkedAccountsSharePhone` is set.
 */
export function chooseAccounts(found: FoundAccount[], options: { linkedAccountsSharePhone: boolean }): AccountChoice {
  const person = personAccounts(found);
  if (person.kind === 'refused') return person;
  const { active } = person;
  // The phone of an account the email itself matched; a linked account's phone only where the
  // deployment says linked accounts share one phone (otherwise it would authorise the others).
  const provers = options.linkedAccountsSharePhone ? active : active.filter((account) => account.foundBy === 'direct');
  const phoneAccount = provers.find((account) => account.phone);
  if (!phoneAccount) return { kind: 'refused', reason: 'no-phone', subject: found.find((account) => account.foundBy === 'direct')?.dn };
  return { kind: 'chosen', active, disabled: found.filter((account) => account.disabled), phoneAccount };
}

/**
 * One account, or several sharing one link value. Values compare as the directory's
 * case-insensitive matching does; an entry without a link value is linked to nobody.
 */
function samePerson(accounts: FoundAccount[]): boolean {
  if (accounts.length === 1) return true;
  const links = new Set(accounts.map((account) => account.linkValue?.trim().toLowerCase() ?? ''));
  return links.size === 1 && !links.has('');
}
