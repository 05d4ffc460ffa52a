/**
 * `/password` from many users at once: each latency runs from the signed slash command to the
 * `views.open` it causes, for passdesk and for a bare Bolt app in interleaved rounds.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sendSignedCommand } from './send-command';
import { sharedNow } from './slack-thread';
import type { SlackThread } from './slack-thread-client';
import { summarise } from './stats';

export interface Target {
  name: string;
  port: number;
  signingSecret: string;
  /** How many views.update each /password causes (passdesk shows the first step). */
  updatesPerCommand: number;
}

/** All `userIds` send `/password` at once; each latency ends when Slack receives that user's views.open. */
export async function runRound(slack: SlackThread, target: Target, userIds: string[], teamId: string): Promise<number[]> {
  const triggerIds = await slack.triggers(userIds);
  const updatesBefore = slack.updateCount;
  const latencies = await Promise.all(userIds.map(async (userId, index) => {
    const triggerId = triggerIds[index];
    const opened = slack.openedAt(triggerId);
    const sentAt = sharedNow();
    const answered = sendSignedCommand({ port: target.port, signingSecret: target.signingSecret, teamId, userId, triggerId })
      .then((status) => {
        if (status !== 200) throw new Error(`${target.name} answered /password with HTTP ${status}`);
      });
    // Both awaited together, so a failure of either is never an unobserved rejection.
    const [openedAt] = await Promise.all([opened, answered]);
    return openedAt - sentAt;
  }));
  // Let the app finish what the round started (passdesk updates each modal) before the next one.
  await slack.updatesSince(updatesBefore, userIds.length * target.updatesPerCommand);
  return latencies;
}

/** Rounds of all users at once, each target in turn in ABBA order; returns every latency per target after the warm-up rounds. */
export async function benchConcurrentCommands(
  slack: SlackThread,
  targets: [Target, Target],
  userIds: string[],
  teamId: string,
  options: { rounds: number; warmupRounds: number; verbose: boolean },
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  for (let round = 1 - options.warmupRounds; round <= options.rounds; round += 1) {
    // ABBA order: neither app always runs right after the other's round.
    for (const target of Math.abs(round) % 2 === 0 ? targets : [...targets].reverse()) {
      const loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      const latencies = await runRound(slack, target, userIds, teamId);
      loopDelay.disable();
      if (round > 0) samples.get(target.name)?.push(...latencies); // rounds up to 0 warm up
      if (options.verbose) {
        const s = summarise(latencies);
        process.stdout.write(`round ${String(round).padStart(2)} ${target.name.padEnd(15)} p50 ${s.p50.toFixed(2).padStart(8)}  ` +
          `max ${Math.max(...latencies).toFixed(2).padStart(8)}  longest event-loop stall ${(loopDelay.max / 1e6).toFixed(2).padStart(7)}\n`);
      }
    }
  }
  return samples;
}
