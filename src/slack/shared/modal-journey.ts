import type { EndedScreen } from '../../flows/shared/outcome';
import type { Messages } from '../../i18n';
import type { Presenter } from './presenter';

/** What the shared Slack plumbing needs to know of one modal journey. */
export interface ModalJourney<Screen> {
  /** Prefix of the journey's audit actions: `password-reset` gives `password-reset.failed`. */
  auditPrefix: string;
  /** Its screens, including the "ended" screen every journey has. */
  present: Presenter<Screen | EndedScreen>;
  /** The modal's title, for the screens the plumbing shows itself ("working"). */
  title(messages: Messages): string;
}
