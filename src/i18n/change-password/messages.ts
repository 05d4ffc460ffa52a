import type { ModalJourneyMessages } from '../common/messages';

/** The texts of "change a password I know". */
export interface ChangePasswordMessages extends ModalJourneyMessages {
  intro: string;
  accountsLabel: string;
  /** An account in the list: its username, and its Windows sign-in name where that differs. */
  accountOption: (username: string, principalName?: string) => string;
  accountsSkipped: (accounts: string) => string;
  currentLabel: string;
  currentForLabel: (username: string) => string;
  currentForHint: string;
  newPasswordIntro: string;

  noneChosen: string;
  currentMissing: string;
  wrongCurrent: (accounts: string, triesLeft: number) => string;
  stopped: (accounts: string) => string;
  /** The accounts' lockout threshold is 1 or 2: passdesk never checks their current password. */
  cannotCheckSafely: (accounts: string) => string;
  locked: (accounts: string) => string;
  expired: (accounts: string) => string;
  retrySamePassword: string;
  accountsChanged: string;
  partialChanged: (changed: string, failed: string) => string;

  doneTitle: string;
  doneChanged: (accounts: string) => string;

  /** Its own end texts (the flow ones name the change); the others are `common.ended`. */
  ended: {
    accountDisabled: string;
    flowExpired: string;
    flowUnreadable: string;
    /** Started too often lately (LIMIT_FLOWS_PER_DAY per person, LIMIT_FLOWS_PER_TEAM_PER_HOUR per workspace). */
    rateLimited: string;
  };
}
