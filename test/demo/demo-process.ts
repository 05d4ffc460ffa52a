import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface DemoProcess {
  url: string;
  child: ChildProcess;
  /** Everything the demo printed on stdout so far. */
  output(): string;
  /** Ctrl-C as a terminal sends it (SIGINT to the whole process group); resolves once npm has exited. */
  interrupt(): Promise<void>;
  /** True while any process of the demo's process group (npm, tsx, node) is alive. */
  groupAlive(): boolean;
}

/**
 * `npm run demo` as a person starts it, with nothing in the environment but PATH, HOME and
 * DEMO_PORT=0: resolves once it has printed the simulator's URL (its first URL).
 */
export function spawnDemo(): Promise<DemoProcess> {
  const child = spawn('npm', ['run', '--silent', 'demo'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DEMO_PORT: '0' },
    // Its own process group, so the interrupt reaches npm, tsx and node as Ctrl-C in a terminal does.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const groupAlive = () => {
    try {
      process.kill(-(child.pid ?? 0), 0);
      return true;
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /https?:\/\/\S+/.exec(stdout)?.[0];
      if (url) {
        resolve({
          url,
          child,
          output: () => stdout,
          groupAlive,
          interrupt: async () => {
            if (groupAlive()) process.kill(-(child.pid ?? 0), 'SIGINT');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`the demo exited (${code}) before printing a URL:\n${stdout}\n${stderr}`)));
  });
}
