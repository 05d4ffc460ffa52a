/**
 * A TCP relay on 127.0.0.1 in front of a test server, to watch and break connections from the
 * outside: how many a client opens, killing them, losing a request in flight. TLS passes through
 * untouched (the server's certificate is for 127.0.0.1). Also a "black hole" that accepts
 * connections and never answers, like a server whose process hangs.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now. */
  readonly open: number;
  /** Closes every open connection, as a server restart or a network cut would. */
  killAll(): void;
  /**
   * On each connection open now, the next bytes the client sends are never delivered: that
   * connection is closed instead (a request lost in flight). Later connections are not touched.
   */
  loseNextRequest(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let accepted = 0;
  const doomed = new Set<Socket>();
  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (doomed.delete(client)) {
        end();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  const port = await listen(server);
  return {
    port,
    get accepted() { return accepted; },
    get open() { return pairs.size; },
    killAll() {
      for (const [client, upstream] of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    loseNextRequest() {
      for (const [client] of pairs) doomed.add(client);
    },
    close: () => closeServer(server, () => { for (const [client, upstream] of pairs) { client.destroy(); upstream.destroy(); } }),
  };
}

export interface BlackHole {
  port: number;
  readonly accepted: number;
  close(): Promise<void>;
}

/** Accepts connections and never sends a byte. */
export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    get accepted() { return accepted; },
    close: () => closeServer(server, () => { for (const socket of sockets) socket.destroy(); }),
  };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await closeServer(server, () => undefined);
  return port;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP port assigned'));
      else resolve(address.port);
    });
  });
}

function closeServer(server: Server, destroyOpen: () => void): Promise<void> {
  destroyOpen();
  return new Promise((resolve) => server.close(() => resolve()));
}
