/**
 * `/password status`: for each of the person's accounts (found, as for `/password`, from the
 * confirmed email of their chat profile), when the password last changed and when it expires.
 */
import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Locale } from '../../config';
import type { Account, Directory } from '../../directory/directory';
import type { Logger } from '../../log/logger';
import type { Requester } from '../shared/requester';

export interface AccountStatus {
  username: string;
  changedAt: Date | null;
  /** null: the directory sets no expiry for it. */
  expiresAt: Date | null;
  disabled: boolean;
  mustChange: boolean;
}

export type StatusOutcome =
  | { kind: 'accounts'; locale: Locale; accounts: AccountStatus[] }
  | { kind: 'no-verified-email' | 'no-account' | 'directory-unavailable'; locale: Locale };

export class PasswordStatus {
  constructor(private readonly deps: { directory: Directory; audit: AuditTrail; logger: Logger }) {}

  async forRequester(requester: Requester): Promise<StatusOutcome> {
    const { locale } = requester;
    if (!requester.verifiedEmail) return { kind: 'no-verified-email', locale };
    const expiries: Account[] = [];
    try {
      const accounts = await this.deps.directory.findAccountsByMail(requester.verifiedEmail);
      if (accounts.length === 0) return { kind: 'no-account', locale };
      for await (const expiry of this.deps.directory.passwordExpiries({ dns: accounts.map((account) => account.dn) })) {
        expiries.push(expiry);
      }
    } catch (error) {
      this.deps.logger.warn({ requestId: requester.requestId, err: error instanceof Error ? error.message : 'unknown' },
        'password status: directory failed');
      return { kind: 'directory-unavailable', locale };
    }
    await this.deps.audit.record({
      actor: slackActor(requester),
      action: 'password-status.shown',
      result: 'ok',
      detail: { accounts: expiries.length },
      requestId: requester.requestId,
    });
    return {
      kind: 'accounts',
      locale,
      accounts: expiries.map((account) => ({
        username: account.username,
        changedAt: account.passwordChangedAt ?? null,
        expiresAt: account.passwordExpiresAt,
        disabled: account.disabled,
        mustChange: account.mustChange,
      })),
    };
  }
}
