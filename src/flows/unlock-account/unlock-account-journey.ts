import { slackActor } from '../../audit/actor';
import { MINUTE_MS } from '../../clock/durations';
import type { Locale } from '../../config';
import { DirectoryError } from '../../directory/directory';
import type { FlowKey } from '../shared/flow-repository';
import { startRefusal } from '../shared/journey-start';
import { logDirectoryError } from '../shared/log-directory-error';
import type { Requester } from '../shared/requester';
import { personToVerify } from '../shared/sms-verification/person-to-verify';
import { SmsVerifiedJourney, type SmsVerifiedJourneyDeps } from '../shared/sms-verification/sms-verified-journey';
import { accountsMayStart } from '../shared/start-allowance';
import type { UnlockDoneScreen, UnlockEndReason, UnlockOutcome, UnlockScreen } from './unlock-screen';
import { newUnlockState, type UnlockState } from './unlock-state';

export interface UnlockAccountDeps extends SmsVerifiedJourneyDeps<UnlockState> {
  smsBody(locale: Locale, code: string, minutes: number): string;
}

/**
 * "My account is locked" (LTB self-service-password's oldest open request): after the same
 * identity check and SMS code as the reset, clears a lockout caused by failed logins (AD
 * `lockoutTime=0`; OpenLDAP a temporary `pwdAccountLockedTime` removed), without changing the
 * password. Disabled accounts are refused; an account no longer locked is left alone. This is the
 * only lockout write passdesk makes on a person's request, and it never sets a lock.
 */
export class UnlockAccountJourney extends SmsVerifiedJourney<UnlockState, UnlockScreen, UnlockAccountDeps> {
  constructor(deps: UnlockAccountDeps) {
    super(deps, {
      flows: deps.flows,
      auditPrefix: 'unlock-account',
      // `unlock-account.locked` would read as the account's own lockout.
      stoppedAs: 'stopped',
      limitSubjects: (state) => ({ slackUser: slackActor(state), accounts: state.locked.map((account) => account.dn) }),
      subject: (state) => ({
        accounts: state.locked.map((account) => account.username),
        skipped: state.skipped,
        phoneOwner: state.phoneOwner,
        phoneOwnerMail: state.phoneOwnerMail,
      }),
      nextStep: 'done',
      smsBody: deps.smsBody,
    });
  }

  async start(key: FlowKey, requester: Requester): Promise<UnlockOutcome> {
    const { limiter, limits, clock, settings } = this.deps;
    const refuse = startRefusal<UnlockEndReason>(this.deps.audit, requester, 'unlock-account');
    const person = await personToVerify(this.deps, requester);
    if (person.kind === 'refused') return refuse(person.reason, person.subject);
    const { active, disabled, phoneAccount } = person;
    const locked = active.filter((account) => account.locked);
    // Nothing locked: said so, and no SMS is sent.
    if (locked.length === 0) return refuse('not-locked', active[0].dn);
    if (!(await accountsMayStart(limiter, limits, { accounts: active.map((account) => account.dn), phone: phoneAccount.phone }))) {
      return refuse('rate-limited', phoneAccount.dn);
    }
    const state = newUnlockState({
      key, locale: requester.locale, expiresAt: clock.now().getTime() + settings.flowTtlMinutes * MINUTE_MS,
      locked, disabled, phoneAccount, arithmeticChallenge: settings.arithmeticChallenge,
    });
    return this.open(key, state, requester, { locked: locked.length });
  }

  /** The code was right (the flow is already 'done', so it cannot run twice): unlock what is still locked. */
  protected async afterCode(state: UnlockState, requestId: string): Promise<UnlockDoneScreen> {
    const done: UnlockDoneScreen = { step: 'done', unlocked: [], notLocked: [], disabled: [...state.skipped], failed: [] };
    const actor = slackActor(state);
    for (const { dn, username } of state.locked) {
      try {
        const now = await this.deps.directory.getAccount(dn);
        if (!now || now.disabled) {
          done.disabled.push(username);
          continue;
        }
        if (!now.locked) {
          done.notLocked.push(username);
          continue;
        }
        await this.deps.directory.unlockAccount(dn);
        done.unlocked.push(username);
        await this.deps.audit.record({ actor, action: 'unlock-account.unlocked', subject: dn, result: 'ok', requestId });
      } catch (error) {
        logDirectoryError(this.deps.logger, error, requestId, 'unlock failed');
        const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
        if (failure === 'account-disabled') done.disabled.push(username);
        else done.failed.push(username);
        await this.deps.audit.record({ actor, action: 'unlock-account.unlocked', subject: dn, result: 'failed', detail: { failure }, requestId });
      }
    }
    return done;
  }
}
