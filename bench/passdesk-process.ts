/**
 * passdesk as its own process (`src/main.ts` through tsx, as the replicas test runs it), configured
 * only through its environment, on a port chosen here. It logs at `warn`, so "ready" is `/readyz`
 * answering 200 (start-up checks passed, the store and the directory answer), not a log line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/harness/free-port';

const REPO = resolve(__dirname, '..');
/** Guards against a start that hangs; not a measure of anything. */
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface PassdeskProcess {
  port: number;
  stop(): Promise<void>;
}

export async function startPassdeskProcess(env: Record<string, string>): Promise<PassdeskProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit); // never left behind by a bench that dies
  const output = recentOutput(child);
  const exited = once(child, 'exit');
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answersReady(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`passdesk (DATABASE_URL ${env.DATABASE_URL?.split(':')[0]}) did not become ready:\n${output()}`);
    }
    await sleep(100);
  }
  return { port, stop };
}

async function answersReady(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** The last lines the process wrote (warnings, a start-up refusal), for an error message. */
function recentOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}
