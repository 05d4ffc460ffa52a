/**
 * Two passdesk replicas on one PostgreSQL database against one passdesk on SQLite: each its own
 * process, started from the same environment but `DATABASE_URL`. Part 1's rounds, for each
 * command, with the replicas' requests spread over both as a load balancer would. (The event-loop
 * stall `BENCH_VERBOSE=1` prints is the bench's own here: passdesk runs in the other processes.)
 */
import { join } from 'node:path';
import type { PostgresServer } from '../test/harness/postgres';
import { benchConcurrentCommands, type Command, type Target } from './concurrent-commands';
import { type PassdeskProcess, startPassdeskProcess } from './passdesk-process';
import type { SlackThread } from './slack-thread-client';

export const ON_SQLITE = 'one on SQLite';
export const ON_POSTGRES = 'two on PostgreSQL';

export async function benchReplicas(options: {
  slack: SlackThread;
  /** passdesk's environment, with everything but `DATABASE_URL` and `PORT`. */
  env: Record<string, string>;
  postgres: PostgresServer;
  dataDir: string;
  userIds: string[];
  teamId: string;
  commands: Command[];
  rounds: number;
  warmupRounds: number;
  verbose: boolean;
}): Promise<Map<Command, Map<string, number[]>>> {
  const postgresUrl = await options.postgres.createDatabase();
  const started: PassdeskProcess[] = [];
  const start = async (databaseUrl: string) => {
    const passdesk = await startPassdeskProcess({ ...options.env, DATABASE_URL: databaseUrl });
    started.push(passdesk);
    return passdesk;
  };
  try {
    // The replicas start together, as after a deploy: both migrate the new database at once.
    const [onSqlite, ...replicas] = await Promise.all([
      start(`sqlite:${join(options.dataDir, 'one-replica.sqlite')}`), start(postgresUrl), start(postgresUrl),
    ]);
    const signingSecret = options.env.SLACK_SIGNING_SECRET;
    const targets: [Target, Target] = [
      { name: ON_SQLITE, ports: [onSqlite.port], signingSecret, updatesPerCommand: 1 },
      { name: ON_POSTGRES, ports: replicas.map((replica) => replica.port), signingSecret, updatesPerCommand: 1 },
    ];
    const figures = new Map<Command, Map<string, number[]>>();
    for (const command of options.commands) {
      figures.set(command, await benchConcurrentCommands(options.slack, targets, options.userIds, options.teamId, { ...options, command }));
    }
    return figures;
  } finally {
    await Promise.all(started.map((passdesk) => passdesk.stop()));
  }
}
