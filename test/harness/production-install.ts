/**
 * passdesk as a deployer installs it for production: the built JavaScript (`npm run build`'s
 * output, compiled from this checkout) plus `npm ci --omit=dev` in a directory of its own, and
 * started as its own process with `npm start` or `node dist/main.js`, as a supervisor would.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createOwnedTempDir } from './owned-temp-dir';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');

/** Only what a process needs to find node 24 (the one running the tests), npm and its cache. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  for (const name of ['HOME', 'TMPDIR', 'LANG', 'http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/** Builds into a fresh directory and installs the production dependencies there; returns it. */
export async function makeProductionInstall(): Promise<{ dir: string; remove(): void }> {
  const dir = createOwnedTempDir('passdesk-production-');
  try {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(dir, file));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await Promise.all([
      // `npm run build`'s compiler and project, emitting the same JavaScript; `--noCheck` skips
      // its type check (a third of the time), which `npm test` has run first (`tsc --noEmit`).
      run(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist'), '--noCheck'], { cwd: root }),
      // The packages come from npm's cache, filled by the `npm ci` that installed this checkout.
      run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: baseEnv() }),
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A passdesk process and what it wrote. */
export class PassdeskProcess {
  readonly stdout: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly listeners = new Set<() => void>();

  constructor(readonly child: ChildProcess, private readonly cwd: string) {
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      this.stdout.push(...lines.filter(Boolean));
      for (const listener of [...this.listeners]) listener();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    // 'close', not 'exit': by then everything the process wrote has been read.
    this.exited = new Promise((done) => child.once('close', (code, signal) => {
      if (partial) this.stdout.push(partial);
      done({ code, signal });
    }));
  }

  /** Log lines (pino JSON) passdesk wrote, parsed; other stdout lines (npm's banner) skipped. */
  get logs(): Record<string, unknown>[] {
    return this.stdout.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /**
   * The first log line whose `msg` is `message` (waits for it; fails if the process exits first).
   * The timeout only keeps a broken start from hanging the suite: a loaded machine is slow.
   */
  async waitForLog(message: string, timeoutMs = 90_000): Promise<Record<string, unknown>> {
    const find = () => this.logs.find((line) => line.msg === message);
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = find();
        if (found) finish(() => resolvePromise(found));
      };
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no "${message}" log within ${timeoutMs} ms:\n${this.stderr}`))), timeoutMs);
      this.listeners.add(check);
      void this.exited.then(() => check());
      void this.exited.then(() => setImmediate(() => {
        if (!find()) finish(() => reject(new Error(`exited before logging "${message}":\n${this.stderr}`)));
      }));
      check();
    });
  }

  /** The pid of the node process running passdesk: the process itself, or the one `npm start` exec'd. */
  nodePid(): number {
    const pid = this.child.pid ?? 0;
    // ps exits 1, printing nothing, when the process has no children.
    const children = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)]).stdout.toString().trim().split('\n').filter(Boolean);
    const node = children.map((line) => line.trim().split(/\s+/)).find(([, command]) => command === 'node');
    return node ? Number(node[0]) : pid;
  }

  /**
   * Ends the process and the node it started, whatever state they are in (test clean-up only).
   * Only processes still running in the install directory are signalled: on a busy machine the
   * pid of one that has exited may already belong to someone else's process.
   */
  kill(): void {
    const pids = this.child.pid ? [this.child.pid, this.nodePid()] : [];
    for (const pid of new Set(pids)) {
      if (!this.runsHere(pid)) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }

  private runsHere(pid: number): boolean {
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(this.cwd);
    } catch {
      return false;
    }
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `command` in the production install with exactly `env` (plus what finds node and npm). */
export function startProcess(dir: string, command: string[], env: Record<string, string>): PassdeskProcess {
  const child = spawn(command[0], command.slice(1), { cwd: dir, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new PassdeskProcess(child, dir);
}
