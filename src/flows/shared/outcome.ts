import type { Locale } from '../../config';

/** End reasons every journey has; a journey adds its own (`EndedScreen<'no-phone' | ...>`). */
export type CommonEndReason =
  /** The flow is gone (expired, finished) or a step came out of order. */
  | 'flow-expired'
  /** The stored flow does not parse: the person starts again. */
  | 'flow-unreadable'
  /** Another submission holds the flow. */
  | 'already-in-progress'
  /** A step threw; nothing was changed. */
  | 'unexpected';

/** Why a journey that starts from the person's confirmed Slack email cannot find their accounts. */
export type LookupEndReason =
  | 'no-verified-email'
  | 'no-account'
  /** The confirmed email matches several people (entries not linked to each other). */
  | 'ambiguous-mail'
  | 'directory-unavailable';

/** The last screen of a flow that cannot go on, and why. */
export interface EndedScreen<Reason extends string = never> {
  step: 'ended';
  reason: Reason | CommonEndReason;
}

/**
 * What a journey step decided, as plain data: the screen to show next and in which language.
 * The Slack edge turns it into a modal with the journey's presenter.
 */
export interface Outcome<Screen> {
  locale: Locale;
  screen: Screen;
}

export function endedOutcome<Reason extends string = never>(
  locale: Locale,
  reason: Reason | CommonEndReason,
): Outcome<EndedScreen<Reason>> {
  return { locale, screen: { step: 'ended', reason } };
}
