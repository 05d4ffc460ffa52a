import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError } from 'ldapts';
import { DirectoryError } from './directory';

export interface LdapConnectionSettings {
  /** `ldaps://host:port`, or `ldap://host:port` (upgraded with StartTLS unless `insecure`). */
  url: string;
  /** PEM file with the CA certificate(s) that sign the directory's certificate. */
  caFile?: string;
  /** Allow plain-text `ldap://` without StartTLS (tests and labs only). */
  insecure: boolean;
  bindDn: string;
  bindPassword: string;
  /** Per-operation and connect timeout. */
  timeoutMs: number;
}

/**
 * Opens ldapts clients the one safe way: TLS from the first byte for `ldaps://`, StartTLS for
 * `ldap://` (TLS options go to `startTLS()`, not the constructor, or ldapts would speak TLS at once),
 * plain text only when explicitly allowed. Every client is unbound, even after a failed bind,
 * or Node never exits.
 */
export class LdapConnector {
  private readonly tls: ConnectionOptions;
  private readonly secureFromStart: boolean;

  constructor(private readonly settings: LdapConnectionSettings) {
    const url = new URL(settings.url);
    this.secureFromStart = url.protocol === 'ldaps:';
    this.tls = {
      ca: settings.caFile ? readFileSync(settings.caFile) : undefined,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    };
  }

  /** Runs `work` with a client bound as the service account; unbinds whatever happens. */
  async asServiceAccount<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      try {
        await client.bind(this.settings.bindDn, this.settings.bindPassword);
      } catch (error) {
        throw new DirectoryError('unavailable', `service account bind failed: ${describe(error)}`);
      }
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /**
   * Runs `work` with a client bound as `dn` with `password`. Wrong credentials throw ldapts'
   * InvalidCredentialsError for the caller to interpret (AD puts the reason in its message).
   */
  async asUser<T>(dn: string, password: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.bind(dn, password);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async connect(): Promise<Client> {
    const { url, insecure, timeoutMs } = this.settings;
    const client = new Client({
      url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      tlsOptions: this.secureFromStart ? this.tls : undefined,
    });
    if (!this.secureFromStart && !insecure) {
      try {
        await client.startTLS(this.tls);
      } catch (error) {
        await client.unbind().catch(() => undefined);
        throw new DirectoryError('unavailable', `StartTLS failed: ${describe(error)}`);
      }
    }
    return client;
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
