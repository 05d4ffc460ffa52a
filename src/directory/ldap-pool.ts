/**
 * A small pool of connections bound as the service account, reused across operations instead of
 * one TCP + TLS handshake and bind per operation.
 *
 * - At most `size` connections; an operation waits for a free one beyond that.
 * - A connection is used by one operation at a time and goes back to the pool only when it is
 *   still connected and the operation did not fail for want of a connection (an LDAP result, even
 *   an error, shows the connection works). Otherwise it is dropped, and the next operation opens a
 *   new one: a dead connection (server restarted, idle timeout, network cut) is replaced.
 * - Connections idle longer than `idleMs` are closed rather than reused; idle ones do not keep the
 *   process alive.
 */
import { type Client, ResultCodeError } from 'ldapts';
import { DirectoryError } from './directory';
import type { LdapServers, LdapSession } from './ldap-servers';

export interface LdapPoolSettings {
  servers: LdapServers;
  /** Binds a fresh session as the service account (throws when that is refused). */
  bind: (client: Client) => Promise<void>;
  size: number;
  idleMs: number;
}

interface Idle {
  session: LdapSession;
  since: number;
}

export class LdapPool {
  private readonly idle: Idle[] = [];
  private readonly waiting: Array<() => void> = [];
  private inUse = 0;
  private closed = false;

  constructor(private readonly settings: LdapPoolSettings) {}

  /**
   * Runs `work` on a pooled connection. When `retry` is set (work that only reads) and a reused
   * connection turns out to be dead, it runs once more on a new connection.
   */
  async use<T>(work: (client: Client) => Promise<T>, retry = false): Promise<T> {
    await this.slot();
    try {
      const reused = this.takeIdle();
      try {
        return await this.run(reused ?? await this.open(), work);
      } catch (error) {
        if (!(retry && reused && isLostConnection(error))) throw error;
        return await this.run(await this.open(), work);
      }
    } finally {
      this.freeSlot();
    }
  }

  /** Unbinds idle connections; busy ones are closed when their operation ends. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    await Promise.all(idle.map(({ session }) => closeSession(session)));
  }

  private async run<T>(session: LdapSession, work: (client: Client) => Promise<T>): Promise<T> {
    let healthy = true;
    try {
      return await work(session.client);
    } catch (error) {
      healthy = !isLostConnection(error);
      throw error;
    } finally {
      if (healthy && !this.closed && session.client.isBound) {
        session.socket.unref();
        this.idle.push({ session, since: Date.now() });
      } else {
        void closeSession(session);
      }
    }
  }

  private async open(): Promise<LdapSession> {
    if (this.closed) throw new DirectoryError('unavailable', 'the directory connections are closed');
    const session = await this.settings.servers.open();
    try {
      await this.settings.bind(session.client);
    } catch (error) {
      await closeSession(session);
      throw error;
    }
    return session;
  }

  /** The most recently used live idle connection; stale or dead ones are closed on the way. */
  private takeIdle(): LdapSession | undefined {
    const now = Date.now();
    for (let entry = this.idle.pop(); entry; entry = this.idle.pop()) {
      if (entry.session.client.isBound && now - entry.since < this.settings.idleMs) {
        entry.session.socket.ref();
        return entry.session;
      }
      void closeSession(entry.session);
    }
    return undefined;
  }

  private async slot(): Promise<void> {
    if (this.inUse < this.settings.size) {
      this.inUse += 1;
      return;
    }
    // freeSlot hands its slot over directly, so inUse stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private freeSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inUse -= 1;
  }
}

/**
 * True for failures that say nothing came back from the server (connection refused, reset or
 * closed, timeout), as opposed to an LDAP result or one of our own refusals.
 */
export function isLostConnection(error: unknown): boolean {
  return !(error instanceof ResultCodeError) && !(error instanceof DirectoryError && error.failure !== 'unavailable');
}

async function closeSession(session: LdapSession): Promise<void> {
  try {
    await session.client.unbind();
  } catch {
    // Already gone: nothing to unbind.
  } finally {
    session.socket.destroy();
  }
}
