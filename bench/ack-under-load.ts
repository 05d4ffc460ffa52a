/**
 * `/password reset` while other people submit long new passwords: one user at a time sends
 * `/password reset` (the latency runs to the `views.open` it causes, as in the other part), in
 * phases without and with the submitters looping on their own new-password step, in ABBA order.
 * What the submitters' checks hold on passdesk's event loop shows up as this user's wait.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomInt } from 'node:crypto';
import { RESET_COMMAND, runRound, type Target } from './concurrent-commands';
import type { SlackThread } from './slack-thread-client';

export interface LoadFigures {
  quiet: number[];
  loaded: number[];
  /** How long each submitter's submission took to be answered, in the measured loaded phases. */
  answered: number[];
  /** The longest event-loop stall seen in any measured phase, per condition (ms). */
  longestStall: { quiet: number; loaded: number };
}

export async function benchAckUnderLoad(
  slack: SlackThread,
  passdesk: Target,
  probeUserIds: string[],
  teamId: string,
  options: { rounds: number; warmupRounds: number; probesPerPhase: number; verbose: boolean },
): Promise<LoadFigures> {
  const figures: LoadFigures = { quiet: [], loaded: [], answered: [], longestStall: { quiet: 0, loaded: 0 } };
  const phases = ['quiet', 'loaded'] as const;
  for (let round = 1 - options.warmupRounds; round <= options.rounds; round += 1) {
    for (const phase of Math.abs(round) % 2 === 0 ? phases : [...phases].reverse()) {
      if (phase === 'loaded') {
        slack.resumeSubmitters();
        await sleep(200); // every submitter has a check under way
      }
      const loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      const latencies: number[] = [];
      for (let probe = 0; probe < options.probesPerPhase; probe += 1) {
        const [latency] = await runRound(slack, passdesk, RESET_COMMAND, [probeUserIds[probe % probeUserIds.length]], teamId);
        latencies.push(latency);
        await sleep(randomInt(10, 40)); // not in step with the submitters
      }
      loopDelay.disable();
      const answered = phase === 'loaded' ? await slack.pauseSubmitters() : [];
      if (round > 0) {
        figures[phase].push(...latencies);
        figures.answered.push(...answered);
        figures.longestStall[phase] = Math.max(figures.longestStall[phase], loopDelay.max / 1e6);
      }
      if (options.verbose) {
        process.stdout.write(`round ${String(round).padStart(2)} ${phase.padEnd(7)} max /password ${Math.max(...latencies).toFixed(1).padStart(8)} ms  ` +
          `submissions ${String(answered.length).padStart(3)}  longest event-loop stall ${(loopDelay.max / 1e6).toFixed(1).padStart(7)} ms\n`);
      }
    }
  }
  return figures;
}
