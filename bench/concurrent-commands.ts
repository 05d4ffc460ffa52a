/**
 * `/password` from many users at once: each latency runs from the signed slash command to the
 * `views.open` it causes, for two targets (apps, or sets of replicas) in interleaved rounds.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MENU_CALLBACK } from '../src/slack/views/menu/ids';
import { RESET_CALLBACK } from '../src/slack/views/password-reset/ids';
import { sendSignedCommand } from './send-command';
import { sharedNow } from './slack-thread';
import type { SlackThread } from './slack-thread-client';
import { summarise } from './stats';

export interface Target {
  name: string;
  /** Where it listens: one app's port, or several replicas' ports, each request sent to the next in turn as a load balancer would. */
  ports: number[];
  signingSecret: string;
  /** How many views.update each /password causes (passdesk shows the first step). */
  updatesPerCommand: number;
}

/** What the users type after `/password`, and the screen passdesk's modal must reach after it. */
export interface Command {
  typed: string;
  text: string;
  firstScreen: string;
}

/**
 * `/password reset` goes straight to the forgot-password journey, whose start looks the person
 * up in the directory and opens a flow in the store; `/password` opens the menu, then looks up
 * whether the person owns a service account (a limit consumed, two directory searches).
 */
export const RESET_COMMAND: Command = { typed: '/password reset', text: 'reset', firstScreen: RESET_CALLBACK.identity };
export const MENU_COMMAND: Command = { typed: '/password', text: '', firstScreen: MENU_CALLBACK };

let dispatched = 0;

/** All `userIds` send `command` at once; each latency ends when Slack receives that user's views.open. */
export async function runRound(slack: SlackThread, target: Target, command: Command, userIds: string[], teamId: string): Promise<number[]> {
  slack.expectScreen(command.firstScreen);
  const triggerIds = await slack.triggers(userIds);
  const updatesBefore = slack.updateCount;
  const latencies = await Promise.all(userIds.map(async (userId, index) => {
    const triggerId = triggerIds[index];
    const opened = slack.openedAt(triggerId);
    const port = target.ports[dispatched++ % target.ports.length];
    const sentAt = sharedNow();
    const answered = sendSignedCommand({ port, signingSecret: target.signingSecret, teamId, userId, triggerId, text: command.text })
      .then((status) => {
        if (status !== 200) throw new Error(`${target.name} answered ${command.typed} with HTTP ${status}`);
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
  options: { command: Command; rounds: number; warmupRounds: number; verbose: boolean },
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  for (let round = 1 - options.warmupRounds; round <= options.rounds; round += 1) {
    // ABBA order: neither app always runs right after the other's round.
    for (const target of Math.abs(round) % 2 === 0 ? targets : [...targets].reverse()) {
      const loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      const latencies = await runRound(slack, target, options.command, userIds, teamId);
      loopDelay.disable();
      if (round > 0) samples.get(target.name)?.push(...latencies); // rounds up to 0 warm up
      if (options.verbose) {
        const s = summarise(latencies);
        process.stdout.write(`round ${String(round).padStart(2)} ${options.command.typed.padEnd(15)} ${target.name.padEnd(26)} p50 ${s.p50.toFixed(2).padStart(8)}  ` +
          `max ${Math.max(...latencies).toFixed(2).padStart(8)}  longest event-loop stall ${(loopDelay.max / 1e6).toFixed(2).padStart(7)}\n`);
      }
    }
  }
  return samples;
}
