import type { FlowRepository, LoadedFlow } from './flow-repository';
import type { StepState } from './load-for-step';

/**
 * Another submission may save the flow between this one's load and save; each lost race costs
 * one reload. Three lost races in a row on one person's flow means something is looping.
 */
const MAX_ATTEMPTS = 3;

/**
 * Moves a flow to its last step (`ended`) even when another submission saved it meanwhile: a
 * lost compare-and-set reloads the flow and ends what is stored now, so an ending (too many
 * wrong answers) cannot be undone by a racing submission. A flow already finished stays as it is.
 */
export async function endFlow<S extends StepState>(
  flows: FlowRepository<S>,
  flow: LoadedFlow<S>,
  ended: (state: S) => S,
  now: Date,
): Promise<'ended' | 'gone' | 'contended'> {
  let current = flow;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (current.state.step === 'ended' || current.state.step === 'done') return 'ended';
    if (await flows.save(current.key, current.version, ended(current.state))) return 'ended';
    const reloaded = await flows.load(current.key, now);
    if (reloaded.status !== 'found') return 'gone';
    current = reloaded.flow;
  }
  return 'contended';
}
