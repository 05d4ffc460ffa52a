/** passdesk as its own process (src/main.ts, as `npm start` runs it), for tests that need real processes. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');

export interface RunningProcess {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts src/main.ts and resolves once it logs "passdesk started" with its port. */
export function startProcess(env: Record<string, string>): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveStart, rejectStart) => {
    // A guard so a process that never starts is not left behind, not a measure of speed.
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    void exited.then(() => clearTimeout(guard));
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'passdesk started' && entry.port) {
          clearTimeout(guard);
          resolveStart({ child, port: entry.port, output, exited });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then((code) => rejectStart(new Error(`passdesk exited (${code}) before it started:\n${output.join('\n')}`)));
  });
}
