/**
 * How the LDAP adapters reach the directory: over TLS only (`ldaps://`, or `ldap://` upgraded with
 * StartTLS; plain text only when explicitly allowed), on the first server of `LDAP_URL` that
 * answers (ldap-servers.ts).
 *
 * - Service-account work runs on a small pool of bound connections (ldap-pool.ts).
 * - A person's bind (checking or changing their own password) gets a short-lived connection of its
 *   own, so a person's identity never lingers on a shared connection.
 * Every client is unbound, even after a failed bind, or Node never exits.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { type Client, InvalidCredentialsError } from 'ldapts';
import { DirectoryError } from './directory';
import { LdapPool } from './ldap-pool';
import { LdapServers } from './ldap-servers';
import { parseLdapUrls } from './ldap-urls';

export interface LdapConnectionSettings {
  /** `LDAP_URL`: one or more `ldaps://` / `ldap://` URLs separated by spaces, tried in order. */
  url: string;
  /** PEM file with the CA certificate(s) that sign the directory's certificate. */
  caFile?: string;
  /** Allow plain-text `ldap://` without StartTLS (tests and labs only). */
  insecure: boolean;
  bindDn: string;
  bindPassword: string;
  /** Per-operation timeout. */
  timeoutMs: number;
  /** Per server: how long to wait for a connection (TCP and TLS) before trying the next. Default 3 s. */
  connectTimeoutMs?: number;
  /** Service-account connections kept open and reused. Default 4. */
  poolSize?: number;
  /** A pooled connection idle longer than this is closed rather than reused. Default 60 s. */
  poolIdleMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_POOL_SIZE = 4;
const DEFAULT_POOL_IDLE_MS = 60_000;

export class LdapConnector {
  private readonly servers: LdapServers;
  private readonly pool: LdapPool;

  constructor(private readonly settings: LdapConnectionSettings) {
    const tls: ConnectionOptions = {
      ca: settings.caFile ? readFileSync(settings.caFile) : undefined,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    };
    this.servers = new LdapServers({
      servers: parseLdapUrls(settings.url),
      tls,
      insecure: settings.insecure,
      connectTimeoutMs: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      operationTimeoutMs: settings.timeoutMs,
    });
    this.pool = new LdapPool({
      servers: this.servers,
      bind: (client) => this.bindServiceAccount(client),
      size: settings.poolSize ?? DEFAULT_POOL_SIZE,
      idleMs: settings.poolIdleMs ?? DEFAULT_POOL_IDLE_MS,
    });
  }

  /** The service account's bind name as configured (`LDAP_BIND_DN`): a DN, or on AD possibly a UPN. */
  get serviceAccount(): string {
    return this.settings.bindDn;
  }

  /** Runs `work` on a pooled connection bound as the service account. */
  asServiceAccount<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.pool.use(work);
  }

  /**
   * The same, for work that only reads: when a reused connection turns out to have died, the work
   * runs once more on a fresh one, where a write is never repeated.
   */
  readAsServiceAccount<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.pool.use(work, true);
  }

  /**
   * Streams what `work` yields (a paged search) from a connection of its own, bound as the service
   * account and closed when the stream ends, fails or its consumer stops early: a long read never
   * holds one of the pool's connections.
   */
  async *streamAsServiceAccount<T>(work: (client: Client) => AsyncIterable<T>): AsyncGenerator<T> {
    const { client, socket } = await this.servers.open();
    try {
      await this.bindServiceAccount(client);
      yield* work(client);
    } finally {
      await client.unbind().catch(() => undefined);
      socket.destroy();
    }
  }

  /**
   * Runs `work` with a new client bound as `dn` with `password`, closed afterwards. Wrong
   * credentials throw ldapts' InvalidCredentialsError for the caller to interpret (AD puts the
   * reason in its message).
   */
  async asUser<T>(dn: string, password: string, work: (client: Client) => Promise<T>): Promise<T> {
    const { client, socket } = await this.servers.open();
    try {
      await client.bind(dn, password);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
      socket.destroy();
    }
  }

  /** Closes the pooled connections. */
  close(): Promise<void> {
    return this.pool.close();
  }

  private async bindServiceAccount(client: Client): Promise<void> {
    try {
      await client.bind(this.settings.bindDn, this.settings.bindPassword);
    } catch (error) {
      throw new DirectoryError('unavailable', `service account bind failed: ${describe(error)}`);
    }
  }
}

export function isInvalidCredentials(error: unknown): error is InvalidCredentialsError {
  return error instanceof InvalidCredentialsError;
}

/** An error's class and message: ldapts messages carry server text, never the password we sent. */
export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
