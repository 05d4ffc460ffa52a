import type { ModalJourneyMessages } from '../common/messages';

/** The texts of "forgot my username". */
export interface ForgotUsernameMessages extends ModalJourneyMessages {
  intro: string;
  /** One line: the username, its kind, and the sign-in name where it differs. */
  account: (username: string, kind: 'staff' | 'student' | 'service' | undefined, principalName?: string) => string;
  disabled: (accounts: string) => string;
  hint: string;
  /** Its own end texts; the others are `common.ended`. */
  ended: {
    accountDisabled: string;
    /** Without "Nothing was changed": this journey changes nothing. */
    directoryUnavailable: string;
    /** Looked up too often lately (LIMIT_FLOWS_PER_DAY per person, LIMIT_FLOWS_PER_TEAM_PER_HOUR per workspace). */
    rateLimited: string;
  };
}
