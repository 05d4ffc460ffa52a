import type { Locale } from '../../../config';
import type { AccountRow } from '../../../flows/temporary-password/temporary-password-screen';
import { formatDate } from '../../../i18n/dates';
import type { TemporaryPasswordMessages } from '../../../i18n/temporary-password';
import { type Block, escapeMrkdwn, text } from '../shared/blocks';

/**
 * One section per account: who it is, and what the operator needs before choosing (disabled,
 * locked, must change, when the password was set and expires, whether a phone is registered),
 * or in words why the help desk cannot touch it.
 */
export function accountRowBlocks(rows: AccountRow[], m: TemporaryPasswordMessages, locale: Locale): Block[] {
  return rows.map((row) => {
    const heading = `*${escapeMrkdwn(row.label)}* — ${escapeMrkdwn(row.displayName)}`;
    const facts = stateFacts(row, m, locale).join(' · ');
    const refusal = refusalOf(row, m);
    return text(refusal ? `${heading}\n${facts}\n:no_entry: ${m.cannotReset} ${refusal}` : `${heading}\n${facts}`);
  });
}

function stateFacts(row: AccountRow, m: TemporaryPasswordMessages, locale: Locale): string[] {
  const facts: string[] = [];
  if (row.disabled) facts.push(`:no_entry_sign: ${m.state.disabled}`);
  if (row.locked) facts.push(`:lock: ${m.state.locked}`);
  if (row.mustChange) facts.push(m.state.mustChange);
  facts.push(row.passwordChangedAt ? m.state.changedOn(formatDate(locale, row.passwordChangedAt)) : m.state.changedUnknown);
  facts.push(row.passwordExpiresAt ? m.state.expiresOn(formatDate(locale, row.passwordExpiresAt)) : m.state.neverExpires);
  facts.push(row.hasPhone ? m.state.phone : m.state.noPhone);
  return facts;
}

function refusalOf(row: AccountRow, m: TemporaryPasswordMessages): string | undefined {
  if (row.protection) {
    switch (row.protection.reason) {
      case 'service-account': return m.protectedBecause.serviceAccount;
      case 'admin-count': return m.protectedBecause.adminCount;
      case 'protected-group': return m.protectedBecause.group(escapeMrkdwn(row.protection.groupDn));
    }
  }
  return row.disabled ? m.state.disabled : undefined;
}
