import { slackActor } from '../../audit/actor';
import type { AuditTrail } from '../../audit/audit-trail';
import type { Account, Directory } from '../../directory/directory';
import type { PersonKind } from '../../directory/account-kind';
import type { Logger } from '../../log/logger';
import type { Limiter } from '../../regulation/limiter';
import type { FlowKey } from '../shared/flow-repository';
import { personAccounts } from '../shared/choose-accounts';
import { accountsOfRequester } from '../shared/journey-start';
import { logDirectoryError } from '../shared/log-directory-error';
import { type EndedScreen, endedOutcome, type LookupEndReason, type Outcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';
import { countStart, type StartRules } from '../shared/start-allowance';

export type AccountKind = PersonKind | 'service';

export interface UsernamesScreen {
  step: 'usernames';
  /** The person's own accounts, then the service accounts they own. */
  accounts: { username: string; principalName?: string; kind?: AccountKind }[];
  /** Usernames of the person's disabled accounts, and of disabled service accounts they own. */
  disabled: string[];
}

export type UsernameEndReason = LookupEndReason | 'account-disabled' | 'rate-limited';
export type UsernameScreen = UsernamesScreen | EndedScreen<UsernameEndReason>;
export type UsernameOutcome = Outcome<UsernameScreen>;

export interface ForgotUsernameDeps {
  directory: Directory;
  audit: AuditTrail;
  logger: Logger;
  limiter: Limiter;
  /** Starts per person and per team: each start looks the person up in the directory. */
  startRules: StartRules;
}

/**
 * "Forgot my username" (the Italian "recupera account"): the usernames of the accounts found
 * from the person's confirmed Slack email, each with its kind, and the service accounts they
 * own. No SMS: Slack has already proved who they are, and nothing is changed. Audited.
 */
export class ForgotUsernameJourney {
  constructor(private readonly deps: ForgotUsernameDeps) {}

  async start(_key: FlowKey, requester: Requester): Promise<UsernameOutcome> {
    const actor = slackActor(requester);
    const audit = (result: 'ok' | 'refused', detail: Record<string, string | number>, subject?: string) =>
      this.deps.audit.record({ actor, action: 'forgot-username.shown', subject, result, detail, requestId: requester.requestId });
    const refuse = async (reason: UsernameEndReason, subject?: string, detail: Record<string, string> = {}): Promise<UsernameOutcome> => {
      await audit('refused', { reason, ...detail }, subject);
      return endedOutcome(requester.locale, reason);
    };
    const start = await countStart(this.deps.limiter, this.deps.startRules, requester);
    if (!start.allowed) {
      return start.firstRefusal ? refuse('rate-limited', undefined, { limit: start.rule.name }) : endedOutcome(requester.locale, 'rate-limited');
    }
    const found = await accountsOfRequester(this.deps.directory, this.deps.logger, requester);
    if (typeof found === 'string') return refuse(found);
    const person = personAccounts(found);
    if (person.kind === 'refused') return refuse(person.reason, person.subject);
    const { active, disabled } = person;
    let services: Account[];
    try {
      services = await this.deps.directory.findOwnedServiceAccounts(active.map((account) => account.dn));
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requester.requestId, 'directory call failed');
      return refuse('directory-unavailable');
    }

    const shown = [
      ...active.map((account) => ({ username: account.username, principalName: account.principalName, kind: account.kind })),
      ...services.filter((account) => !account.disabled)
        .map((account) => ({ username: account.username, principalName: account.principalName, kind: 'service' as const })),
    ];
    await audit('ok', { accounts: active.length, serviceAccounts: services.length }, active[0].dn);
    return {
      locale: requester.locale,
      // Disabled service accounts are named with the person's own: refused in words, not left out.
      screen: { step: 'usernames', accounts: shown, disabled: [...disabled, ...services.filter((account) => account.disabled)].map((account) => account.username) },
    };
  }
}
