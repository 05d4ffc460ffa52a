/**
 * How close an Active Directory account is to a lockout. The threshold is the fine-grained
 * password policy's `msDS-LockoutThreshold` when one applies to the user (`msDS-ResultantPSO`),
 * else the domain's `lockoutThreshold`; the failures are `badPwdCount`, which still counts only
 * while its last bad password (`badPasswordTime`) lies within the observation window.
 * `badPwdCount` is kept per domain controller (not replicated): with several DCs it is the count
 * of the one passdesk talks to.
 */
import { type Client, type Entry, type Filter, InsufficientAccessError, NoSuchObjectError } from 'ldapts';
import { PEOPLE_FILTER } from './ad-account';
import { fileTimeToDate, intervalToMilliseconds } from './ad-time';
import { DirectoryError, type LockoutStatus } from './directory';
import { firstValue } from './entry-values';

const USER_ATTRIBUTES = ['msDS-ResultantPSO', 'badPwdCount', 'badPasswordTime'];

interface LockoutRule {
  threshold: number;
  observationWindowMs: number;
}

export async function readAdLockoutStatus(client: Client, dn: string, domainDn: string, now: Date): Promise<LockoutStatus> {
  const user = await readEntry(client, dn, USER_ATTRIBUTES, PEOPLE_FILTER);
  if (!user) throw new DirectoryError('not-found', 'no such account');
  const psoDn = firstValue(user, 'msDS-ResultantPSO');
  const rule = psoDn
    ? await readRule(client, psoDn, 'msDS-LockoutThreshold', 'msDS-LockoutObservationWindow')
    : await readRule(client, domainDn, 'lockoutThreshold', 'lockOutObservationWindow');
  // A fine-grained policy the service account may not read: its threshold is not known.
  if (!rule) return { threshold: 'unknown', failures: Number(firstValue(user, 'badPwdCount') ?? '0') };
  if (rule.threshold <= 0) return { threshold: 'never', failures: 0 };
  return { threshold: rule.threshold, failures: countedFailures(user, rule, now) };
}

function countedFailures(user: Entry, rule: LockoutRule, now: Date): number {
  const count = Number(firstValue(user, 'badPwdCount') ?? '0');
  const lastBad = fileTimeToDate(firstValue(user, 'badPasswordTime'));
  if (!Number.isFinite(count) || count <= 0 || !lastBad) return 0;
  // AD restarts the count at the next bad password once the window has passed since the last one.
  return lastBad.getTime() + rule.observationWindowMs > now.getTime() ? count : 0;
}

async function readRule(client: Client, dn: string, thresholdAttr: string, windowAttr: string): Promise<LockoutRule | undefined> {
  const entry = await readEntry(client, dn, [thresholdAttr, windowAttr], '(objectClass=*)');
  const threshold = entry ? firstValue(entry, thresholdAttr) : undefined;
  if (!entry || threshold === undefined || !/^\d+$/.test(threshold)) return undefined;
  return { threshold: Number(threshold), observationWindowMs: intervalToMilliseconds(firstValue(entry, windowAttr)) ?? 0 };
}

/** One entry; undefined when it does not exist or the service account may not see it. */
async function readEntry(client: Client, dn: string, attributes: string[], filter: Filter | string): Promise<Entry | undefined> {
  try {
    return (await client.search(dn, { scope: 'base', filter, attributes })).searchEntries[0];
  } catch (error) {
    if (error instanceof NoSuchObjectError || error instanceof InsufficientAccessError) return undefined;
    throw error;
  }
}
