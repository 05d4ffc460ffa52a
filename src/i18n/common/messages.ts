import type { DirectoryPolicyReason } from '../../directory/directory';
import type { PolicyRule } from '../../policy/policy';

/** What every modal journey's namespace has, beside its own texts. */
export interface ModalJourneyMessages {
  /** At most 24 characters (Slack's limit for a modal title). */
  modalTitle: string;
  /** Shown while its first step looks things up. */
  loading: string;
  /** Sent when its modal could not open in time. */
  triggerExpired: string;
}

/** Texts every journey may use: buttons, "working", help, the password rules, directory refusals. */
export interface CommonMessages {
  continue: string;
  cancel: string;
  close: string;
  /** Shown while a slow step runs. */
  working: string;
  /** The help desk, named in this language, where HELPDESK_CONTACT is unset (it fits every `contact` below). */
  defaultHelpdeskContact: string;
  helpdeskHint: (contact: string) => string;

  rule: (rule: PolicyRule) => string;
  slackCannotMask: string;
  newPasswordLabel: string;
  confirmPasswordLabel: string;
  passwordsDiffer: string;
  passwordRefused: string;
  directoryRefused: string;
  directoryReason: (reason: DirectoryPolicyReason) => string;
  directoryUnavailableInline: string;

  /** Notes after a successful change (what changed and what did not), unless SUCCESS_NOTES says otherwise. */
  defaultSuccessNotes: string[];

  /** The "your password changed" DM and mail, whichever journey changed it. */
  changedNotice: {
    subject: string;
    text: (accounts: string, whenUtc: string, contact: string) => string;
    /** After a partial change: the accounts that keep their old password. */
    notChanged: (accounts: string) => string;
    /** The button under the DM. */
    notMeButton: string;
  };

  /** What "This wasn't me" says: to the person, and to the help desk's channel. */
  notMe: {
    reply: (contact: string) => string;
    alreadyReported: (contact: string) => string;
    /** The notice is too old or unknown: the person is still told what to do. */
    unknownNotice: (contact: string) => string;
    alert: (person: string, accounts: string, whenUtc: string, via: string) => string;
    via: Record<'reset' | 'change' | 'service-account' | 'help-desk', string>;
  };

  /**
   * End reasons whose words are the same in every journey; a journey with words of its own for
   * one of them (naming itself: "This reset has expired…") keeps those in its namespace.
   */
  ended: {
    /** The person's Slack account has no confirmed email, so their accounts cannot be found. */
    noVerifiedEmail: string;
    noAccount: string;
    /** The confirmed email matches several people (entries not linked to each other): nothing is done. */
    ambiguousMail: string;
    directoryUnavailable: string;
    flowExpired: string;
    flowUnreadable: string;
    alreadyInProgress: string;
    unexpected: string;
  };
}
