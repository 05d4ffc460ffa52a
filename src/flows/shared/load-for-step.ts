import type { Locale } from '../../config';
import type { Logger } from '../../log/logger';
import type { FlowKey, FlowRepository, FlowState, LoadedFlow } from './flow-repository';
import { type EndedScreen, endedOutcome, type Outcome } from './outcome';

/** A journey state that moves through named steps; `done` and `ended` are the last ones. */
export type StepState = FlowState & { step: string; locale: Locale };

export type StepLoad<S> =
  | { status: 'ready'; flow: LoadedFlow<S> }
  /**
   * A submission for another step than the flow is at: an earlier screen submitted again (a
   * replay), or a step skipped. The journey audits it as a replay; `outcome` is what to show,
   * and for a flow still going the journey ends it.
   */
  | { status: 'replayed'; flow: LoadedFlow<S>; finished: boolean; outcome: Outcome<EndedScreen> }
  /** Nothing to continue: expired, pruned, or unreadable. Show `outcome`. */
  | { status: 'gone'; outcome: Outcome<EndedScreen> };

/**
 * Loads a flow for one step, so that no step can be skipped or repeated. Every journey's step
 * starts here. Without a readable flow there is no person's language to speak: `fallbackLocale`
 * (DEFAULT_LOCALE) it is.
 */
export async function loadForStep<S extends StepState>(
  flows: FlowRepository<S>,
  key: FlowKey,
  step: S['step'],
  now: Date,
  logger: Logger,
  fallbackLocale: Locale,
): Promise<StepLoad<S>> {
  const loaded = await flows.load(key, now);
  if (loaded.status === 'missing') return { status: 'gone', outcome: endedOutcome<never>(fallbackLocale, 'flow-expired') };
  if (loaded.status === 'unreadable') {
    logger.warn({ step }, 'stored flow does not parse; the person starts again');
    return { status: 'gone', outcome: endedOutcome<never>(fallbackLocale, 'flow-unreadable') };
  }
  const { flow } = loaded;
  if (flow.state.step === step) return { status: 'ready', flow };
  const finished = flow.state.step === 'ended' || flow.state.step === 'done';
  return { status: 'replayed', flow, finished, outcome: endedOutcome<never>(flow.state.locale, 'flow-expired') };
}
