/**
 * The sweep's first pass: stream the directory's passwords expiring in the reminder range and
 * group the due accounts by person (linked accounts, else one mail address), so a person gets one
 * message listing all of theirs. Only due accounts are kept: memory follows the number due, not the
 * size of the directory.
 */
import type { Account, Directory } from '../../directory/directory';
import { type ReminderSchedule, type ReminderWindow, dueWindow, searchRange } from './reminder-windows';

export interface DueAccount {
  dn: string;
  username: string;
  displayName: string;
  mail: string;
  expiresAt: Date;
  /** The window it is in now (a snooze may add a later reminder when the recipient is known). */
  window: ReminderWindow;
}

export interface DueGroup {
  accounts: DueAccount[];
}

export interface ScanResult {
  scanned: number;
  groups: DueGroup[];
}

export async function scanDue(
  deps: { directory: Directory; schedule: ReminderSchedule; pageSize?: number },
  now: Date,
  signal?: AbortSignal,
): Promise<ScanResult> {
  const groups = new Map<string, DueGroup>();
  let scanned = 0;
  const query = { expiringBetween: searchRange(deps.schedule, now), pageSize: deps.pageSize };
  for await (const account of deps.directory.passwordExpiries(query)) {
    signal?.throwIfAborted();
    scanned += 1;
    const expiresAt = account.passwordExpiresAt;
    const window = expiresAt ? dueWindow(deps.schedule, expiresAt, now) : undefined;
    if (!expiresAt || !window) continue;
    const key = personKey(account);
    const group = groups.get(key) ?? { accounts: [] };
    group.accounts.push({ dn: account.dn, username: account.username, displayName: account.displayName, mail: account.mail, expiresAt, window });
    groups.set(key, group);
  }
  return { scanned, groups: [...groups.values()] };
}

/** One person: accounts sharing a link value, else a mail address, else the account alone. */
function personKey(account: Account): string {
  if (account.linkValue) return `link:${account.linkValue}`;
  if (account.mail) return `mail:${account.mail.toLowerCase()}`;
  return `dn:${account.dn.toLowerCase()}`;
}
