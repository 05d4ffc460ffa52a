import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../log/logger';
import type { OpsRoute } from './ops-routes';

/**
 * Socket Mode has no HTTP server of its own: this small one serves /healthz, /readyz and
 * /metrics on HEALTH_PORT, as the HTTP receiver does on PORT: GET or HEAD; anything else is 404,
 * another method on a known path 405.
 */
export class HealthServer {
  private constructor(private readonly server: Server) {}

  static async start(port: number, routes: Record<string, OpsRoute>, logger: Logger): Promise<HealthServer> {
    const server = createServer((request, response) => {
      serve(routes, request, response).catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : 'unknown' }, 'health route failed');
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new HealthServer(server);
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

async function serve(routes: Record<string, OpsRoute>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  request.resume();
  const path = new URL(request.url ?? '/', 'http://health').pathname;
  const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (!route) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
    return;
  }
  await route(request, response);
}
