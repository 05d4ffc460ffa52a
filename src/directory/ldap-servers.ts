/**
 * Opening a secure LDAP session on the first server of `LDAP_URL` that answers, as OpenLDAP
 * clients do: each server in order, with a short connect timeout. A server that failed is tried
 * after the others for a while, so one that is down does not cost every new connection a timeout.
 *
 * The socket (TCP, then TLS for `ldaps://`) is opened here and handed to ldapts, which never opens
 * another one for that client: ldapts would otherwise reconnect silently after a lost connection,
 * unbound, and for `ldap://` without StartTLS, so a lost connection must fail instead.
 */
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { Client } from 'ldapts';
import { DirectoryError } from './directory';
import type { LdapServerAddress } from './ldap-urls';

export interface LdapServersSettings {
  servers: LdapServerAddress[];
  tls: ConnectionOptions;
  /** Plain-text `ldap://` without StartTLS (tests and labs only). */
  insecure: boolean;
  /** Per server: TCP connect and TLS handshake. */
  connectTimeoutMs: number;
  /** Per LDAP operation. */
  operationTimeoutMs: number;
}

/** An ldapts client on a live session, and its socket (to let an idle one not hold the process). */
export interface LdapSession {
  client: Client;
  socket: Socket;
  server: LdapServerAddress;
}

/** How long a server that failed is tried only after the others. */
const DEMOTION_MS = 30_000;

export class LdapServers {
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly settings: LdapServersSettings) {}

  /** A session on the first server that answers; 'unavailable' naming each failure when none does. */
  async open(): Promise<LdapSession> {
    const failures: string[] = [];
    for (const server of this.inTryOrder()) {
      try {
        const session = await this.openOn(server);
        this.failedAt.delete(server.url);
        return session;
      } catch (error) {
        this.failedAt.set(server.url, Date.now());
        failures.push(`${server.url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new DirectoryError('unavailable', `no directory server could be reached (${failures.join('; ')})`);
  }

  /** The configured order, servers that failed recently last. */
  private inTryOrder(): LdapServerAddress[] {
    const now = Date.now();
    const recentlyFailed = (server: LdapServerAddress) => now - (this.failedAt.get(server.url) ?? -Infinity) < DEMOTION_MS;
    const servers = this.settings.servers;
    return [...servers.filter((server) => !recentlyFailed(server)), ...servers.filter(recentlyFailed)];
  }

  private async openOn(server: LdapServerAddress): Promise<LdapSession> {
    const { tls, insecure, operationTimeoutMs } = this.settings;
    const socket = server.secure ? await this.tlsSocket(server) : await this.tcpSocket(server);
    const handOver = onlyOnce(socket);
    const client = new Client({
      url: server.url,
      timeout: operationTimeoutMs,
      // ldapts passes (port, host[, tls options]); ours is already connected to them.
      ...(server.secure
        ? { createSecureConnection: handOver as unknown as typeof tlsConnect }
        : { createConnection: handOver as unknown as typeof tcpConnect }),
    });
    if (!server.secure && !insecure) {
      // The StartTLS exchange counts as connecting: a server that accepts TCP and then hangs is given up as soon.
      const timer = setTimeout(() => socket.destroy(), this.settings.connectTimeoutMs);
      try {
        // TLS options go to startTLS(), not the constructor: there they would mean TLS from the first byte.
        await client.startTLS({ ...tls, ...serverName(server) });
      } catch (error) {
        socket.destroy();
        throw new Error(`StartTLS failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return { client, socket, server };
  }

  private tcpSocket(server: LdapServerAddress): Promise<Socket> {
    return this.whenReady(tcpConnect({ host: server.host, port: server.port }), 'connect');
  }

  private tlsSocket(server: LdapServerAddress): Promise<TLSSocket> {
    const socket = tlsConnect({ ...this.settings.tls, port: server.port, ...serverName(server) });
    return this.whenReady(socket, 'secureConnect');
  }

  private whenReady<T extends Socket>(socket: T, readyEvent: 'connect' | 'secureConnect'): Promise<T> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`no answer within ${this.settings.connectTimeoutMs} ms`)), this.settings.connectTimeoutMs);
      socket.once('error', fail);
      socket.once(readyEvent, () => {
        clearTimeout(timer);
        socket.removeListener('error', fail);
        resolve(socket);
      });
    });
  }
}

/** SNI and the name the certificate is checked against: the host, unless it is an IP address. */
function serverName(server: LdapServerAddress): { servername?: string; host: string } {
  return isIP(server.host) ? { host: server.host } : { host: server.host, servername: server.host };
}

/** Gives ldapts the socket once; a second call (a silent reconnect) fails the operation instead. */
function onlyOnce<T extends Socket>(socket: T): () => T {
  let handedOver = false;
  return () => {
    if (handedOver) throw new Error('the connection to the directory was lost');
    handedOver = true;
    return socket;
  };
}
