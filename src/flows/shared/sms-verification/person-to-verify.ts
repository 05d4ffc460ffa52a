import type { Directory, FoundAccount } from '../../../directory/directory';
import type { Logger } from '../../../log/logger';
import type { Limiter } from '../../../regulation/limiter';
import { type AccountRefusal, chooseAccounts } from '../choose-accounts';
import { accountsOfRequester } from '../journey-start';
import type { Requester } from '../requester';
import { personMayStart, type StartLimits } from '../start-allowance';

export type PersonToVerify =
  | {
      kind: 'chosen';
      active: FoundAccount[];
      disabled: FoundAccount[];
      /** The account whose registered phone receives the code. */
      phoneAccount: FoundAccount & { phone: string };
    }
  | { kind: 'refused'; reason: AccountRefusal | 'rate-limited' | 'no-verified-email' | 'directory-unavailable'; subject?: string };

/**
 * Before a journey that sends a code opens its flow: the person's start allowance (counted, the
 * refused starts too), then their accounts from their confirmed Slack email and whose phone
 * proves them. The accounts' and the phone's allowance is the journey's to check, once it knows
 * which of the accounts it is about.
 */
export async function personToVerify(
  deps: { directory: Directory; limiter: Limiter; limits: StartLimits; logger: Logger; settings: { linkedAccountsSharePhone: boolean } },
  requester: Requester,
): Promise<PersonToVerify> {
  if (!(await personMayStart(deps.limiter, deps.limits, requester))) return { kind: 'refused', reason: 'rate-limited' };
  const found = await accountsOfRequester(deps.directory, deps.logger, requester);
  if (typeof found === 'string') return { kind: 'refused', reason: found };
  const choice = chooseAccounts(found, { linkedAccountsSharePhone: deps.settings.linkedAccountsSharePhone });
  if (choice.kind === 'refused') return { kind: 'refused', reason: choice.reason, subject: choice.subject };
  const { active, disabled, phoneAccount } = choice;
  const phone = phoneAccount.phone;
  // chooseAccounts picks an account with a phone; this tells the compiler so.
  if (!phone) return { kind: 'refused', reason: 'no-phone', subject: phoneAccount.dn };
  return { kind: 'chosen', active, disabled, phoneAccount: { ...phoneAccount, phone } };
}
