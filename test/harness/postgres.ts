/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temp dir, `postgres` on a free
 * 127.0.0.1 port with its unix socket in that dir, password authentication, fsync off. Run as
 * the `postgres` system user when the tests run as root (PostgreSQL refuses to run as root).
 * `stop()` kills it and removes the dir; a watchdog does the same if the test process dies.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { createOwnedTempDir } from './owned-temp-dir';

const BIN = process.env.PASSDESK_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const READY_TIMEOUT_MS = 20_000;
const USER = 'passdesk';

export interface PostgresServer {
  /** `postgres://passdesk:…@127.0.0.1:port/postgres`: the maintenance database. */
  readonly adminUrl: string;
  /** A new, empty database; its URL, as a deployer writes DATABASE_URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = createOwnedTempDir('passdesk-pg-');
  const password = randomBytes(12).toString('hex');
  const owner = serverUser();
  writeFileSync(join(dir, 'pwfile'), `${password}\n`);
  if (owner) {
    execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
    chownSync(dir, owner.uid, owner.gid);
  }
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  execFileSync(join(BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', USER, '--pwfile', join(dir, 'pwfile'),
    '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...asOwner, stdio: 'pipe', cwd: dir });
  const port = await freePort();
  const server = spawn(join(BIN, 'postgres'), ['-D', join(dir, 'data'), '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off', '-c', 'max_connections=200'], { ...asOwner, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const running = new PostgresProcess(server, dir);
  const adminUrl = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
  try {
    await running.waitUntilAnswering(adminUrl);
  } catch (error) {
    await running.kill();
    throw error;
  }
  let databases = 0;
  return {
    adminUrl,
    async createDatabase() {
      databases += 1;
      const name = `passdesk_${databases}`;
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      return `postgres://${USER}:${password}@127.0.0.1:${port}/${name}`;
    },
    stop: () => running.kill(),
  };
}

/** Runs `work` with one connection, closed after. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

class PostgresProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;
  private hasExited = false;
  private readonly watchdog: ChildProcess;
  private readonly killOnExit = () => this.server.kill('SIGKILL');

  constructor(private readonly server: ChildProcess, dir: string) {
    const pid = server.pid;
    if (pid === undefined) throw new Error('postgres could not be spawned');
    this.exited = new Promise((resolve) => {
      server.once('exit', () => {
        this.hasExited = true;
        resolve();
      });
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 50) this.output.shift();
    });
    // SIGQUIT: immediate shutdown of the postmaster and its backends; then the dir goes.
    this.watchdog = spawn('/bin/sh', ['-c', 'read _ignored; kill -QUIT "$1" 2>/dev/null; sleep 0.5; kill -9 "$1" 2>/dev/null; rm -rf "$2"',
      'postgres-watchdog', String(pid), dir], { stdio: ['pipe', 'ignore', 'ignore'] });
    server.unref();
    this.watchdog.unref();
    for (const stream of [server.stderr, this.watchdog.stdin]) (stream as Socket | null)?.unref();
    process.once('exit', this.killOnExit);
  }

  async waitUntilAnswering(url: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.hasExited) throw new Error(`postgres exited: ${this.recentOutput}`);
      try {
        await withClient(url, (client) => client.query('SELECT 1'));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`postgres did not answer within ${READY_TIMEOUT_MS} ms: ${this.recentOutput}`);
  }

  get recentOutput(): string {
    return this.output.join('').trim().slice(-2000);
  }

  /** Stops the server and waits for the watchdog to remove its dir. */
  async kill(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    this.server.ref();
    this.watchdog.ref();
    const watchdogDone = new Promise((resolve) => this.watchdog.once('exit', resolve));
    if (!this.hasExited) this.server.kill('SIGQUIT');
    await this.exited;
    this.watchdog.stdin?.end();
    await watchdogDone;
  }
}
