import type { Locale } from '../../config';
import type { Directory } from '../../directory/directory';
import { slackActor } from '../../audit/actor';
import type { Logger } from '../../log/logger';
import type { LimitRule } from '../../regulation/limit-rule';
import type { Limiter } from '../../regulation/limiter';
import { personAccounts } from '../shared/choose-accounts';
import { logDirectoryError } from '../shared/log-directory-error';
import type { Outcome } from '../shared/outcome';
import type { Requester } from '../shared/requester';

/** The entries of the `/password` menu, in the order shown. */
export const MENU_ENTRIES = ['forgot-password', 'change-password', 'forgot-username', 'unlock-account', 'service-account'] as const;
export type MenuEntryName = (typeof MENU_ENTRIES)[number];

export interface MenuScreen {
  step: 'menu';
  entries: MenuEntryName[];
}

export interface MenuDeps {
  directory: Directory;
  logger: Logger;
  /** Whether service accounts are configured (LDAP_SERVICE_BASE_DN): without, nobody owns one. */
  serviceAccounts: boolean;
  limiter: Limiter;
  /** How many owner look-ups one Slack user, and one team, may cause: the menu is no free directory probe. */
  lookups: { perUser: LimitRule; perTeam: LimitRule };
}

/**
 * The `/password` menu. Its first screen is built without any look-up, so the modal opens at
 * once; "Manage a service account" is added afterwards, only for people who own one.
 */
export class MenuJourney {
  constructor(private readonly deps: MenuDeps) {}

  /** What the modal shows the moment it opens: every entry but the owners' one. */
  firstScreen(locale: Locale): Outcome<MenuScreen> {
    return { locale, screen: { step: 'menu', entries: MENU_ENTRIES.filter((entry) => entry !== 'service-account') } };
  }

  /** In the person's language, with the owners' entry when they own a service account. */
  async start(requester: Requester): Promise<Outcome<MenuScreen>> {
    const menu = this.firstScreen(requester.locale);
    if (!(await this.ownsServiceAccount(requester))) return menu;
    return { ...menu, screen: { step: 'menu', entries: [...MENU_ENTRIES] } };
  }

  /**
   * A failed look-up only leaves the entry out: the journey itself checks again. So does a used
   * up look-up allowance: opening the menu again and again must not become a directory probe.
   */
  private async ownsServiceAccount(requester: Requester): Promise<boolean> {
    if (!this.deps.serviceAccounts || !requester.verifiedEmail) return false;
    const { limiter, lookups } = this.deps;
    if (!(await limiter.consume(lookups.perUser, { slackUser: slackActor(requester) }))) return false;
    if (!(await limiter.consume(lookups.perTeam, { team: requester.teamId }))) return false;
    try {
      const person = personAccounts(await this.deps.directory.findAccountsByMail(requester.verifiedEmail));
      if (person.kind === 'refused') return false;
      return (await this.deps.directory.findOwnedServiceAccounts(person.active.map((account) => account.dn))).length > 0;
    } catch (error) {
      logDirectoryError(this.deps.logger, error, requester.requestId, 'service account look-up for the menu failed');
      return false;
    }
  }
}
