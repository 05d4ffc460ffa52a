import type { Account, Directory } from '../../directory/directory';
import type { ChatPeople, PersonQuery } from './journey-types';
import type { Candidate } from './temporary-password-state';

/** Longer than any username or mail: typed text beyond this is refused without a look-up. */
const MAX_QUERY_LENGTH = 254;

export type FoundPerson =
  | { kind: 'found'; candidates: Candidate[]; personSlackUserId: string | null }
  | { kind: 'empty' }
  | { kind: 'not-found'; query: string }
  | { kind: 'no-slack-email' };

/**
 * The accounts of the person the operator named, each with its state and whether the help desk
 * may touch it. A chat user counts by their confirmed email only; typed text is a username, an
 * email, or a mention (`<@U123|name>`, as Slack escapes it in a command's text). The directory's
 * look-ups escape what is typed.
 */
export async function findPerson(
  deps: { directory: Directory; people: ChatPeople; protectedGroups: string[] },
  query: PersonQuery,
): Promise<FoundPerson> {
  const text = (query.text ?? '').trim();
  const mentioned = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text)?.[1];
  const slackUserId = query.slackUserId || mentioned;

  let accounts: Account[];
  let personSlackUserId: string | null = null;
  if (slackUserId) {
    const email = (await deps.people.profile(slackUserId))?.confirmedEmail;
    if (!email) return { kind: 'no-slack-email' };
    accounts = await deps.directory.findAccountsByMail(email);
    personSlackUserId = slackUserId;
  } else {
    if (text === '') return { kind: 'empty' };
    if (text.length > MAX_QUERY_LENGTH) return { kind: 'not-found', query: text.slice(0, 40) };
    accounts = text.includes('@')
      ? await deps.directory.findAccountsByMail(text)
      : await deps.directory.findAccountsByUsername(text);
  }
  if (accounts.length === 0) return { kind: 'not-found', query: slackUserId ? `<@${slackUserId}>` : text };

  const candidates: Candidate[] = [];
  for (const account of accounts) {
    const protection = await deps.directory.helpdeskProtection(account.dn, deps.protectedGroups);
    candidates.push(toCandidate(account, protection ?? null));
  }
  personSlackUserId ??= await slackUserOf(deps.people, accounts);
  return { kind: 'found', candidates, personSlackUserId };
}

/** The chat user whose profile email is one of the accounts' mails; null when none is found. */
async function slackUserOf(people: ChatPeople, accounts: Account[]): Promise<string | null> {
  for (const mail of new Set(accounts.map((account) => account.mail).filter(Boolean))) {
    const found = await people.findByEmail(mail).catch(() => undefined);
    if (found) return found;
  }
  return null;
}

function toCandidate(account: Account, protection: Candidate['protection']): Candidate {
  return {
    dn: account.dn,
    username: account.username,
    displayName: account.displayName,
    mail: account.mail,
    disabled: account.disabled,
    locked: account.locked,
    mustChange: account.mustChange,
    passwordChangedAt: account.passwordChangedAt?.getTime() ?? null,
    passwordExpiresAt: account.passwordExpiresAt?.getTime() ?? null,
    hasPhone: account.phone !== undefined,
    protection,
  };
}
