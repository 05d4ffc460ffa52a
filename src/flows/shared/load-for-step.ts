import type { Locale } from '../../config';
import type { Logger } from '../../log/logger';
import type { FlowKey, FlowRepository, FlowState, LoadedFlow } from './flow-repository';
import { type EndedScreen, endedOutcome, type Outcome } from './outcome';

/** A journey state that moves through named steps; `done` and `ended` are the last ones. */
export type StepState = FlowState & { step: string; locale: Locale };

export type StepLoad<S> =
  | { status: 'ready'; flow: LoadedFlow<S> }
  /** The flow is at another step: a replay or a skipped step. The journey ends it. */
  | { status: 'out-of-order'; flow: LoadedFlow<S> }
  /** Nothing to continue: expired, finished, or unreadable. Show `outcome`. */
  | { status: 'gone'; outcome: Outcome<EndedScreen> };

/**
 * Loads a flow for one step, so that no step can be skipped or repeated. Every journey's step
 * starts here.
 */
export async function loadForStep<S extends StepState>(
  flows: FlowRepository<S>,
  key: FlowKey,
  step: S['step'],
  now: Date,
  logger: Logger,
): Promise<StepLoad<S>> {
  const loaded = await flows.load(key, now);
  // The person's language is in the state; without one, English (as Slack's own default).
  if (loaded.status === 'missing') return { status: 'gone', outcome: endedOutcome<never>('en', 'flow-expired') };
  if (loaded.status === 'unreadable') {
    logger.warn({ step }, 'stored flow does not parse; the person starts again');
    return { status: 'gone', outcome: endedOutcome<never>('en', 'flow-unreadable') };
  }
  const { flow } = loaded;
  if (flow.state.step === step) return { status: 'ready', flow };
  if (flow.state.step === 'ended' || flow.state.step === 'done') {
    return { status: 'gone', outcome: endedOutcome<never>(flow.state.locale, 'flow-expired') };
  }
  return { status: 'out-of-order', flow };
}
