import type { Locale } from '../../config';

/** The person asking, as the Slack edge established it. */
export interface Requester {
  teamId: string;
  userId: string;
  /** The Slack profile's email, only when Slack marks it confirmed; never typed by the user. */
  verifiedEmail?: string;
  locale: Locale;
  requestId: string;
}
