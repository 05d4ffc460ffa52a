import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from '../health/readiness';
import type { PassdeskMetrics } from '../metrics/metrics';

export type OpsRoute = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * `GET /readyz`: passdesk can work now (store and directory answer), 503 otherwise, with what is
 * wrong. `GET /metrics`: Prometheus exposition. Served beside `/healthz` (the process is alive),
 * on PORT in HTTP mode and on HEALTH_PORT in Socket Mode.
 */
export function opsRoutes(parts: { readiness: Readiness; metrics: PassdeskMetrics }): Record<string, OpsRoute> {
  return {
    '/readyz': async (_request, response) => {
      const report = await parts.readiness.report();
      const body = JSON.stringify({ status: report.ready ? 'ready' : 'not ready', checks: report.checks });
      send(response, report.ready ? 200 : 503, 'application/json; charset=utf-8', body);
    },
    '/metrics': async (_request, response) => {
      const { contentType, body } = await parts.metrics.exposition();
      send(response, 200, contentType, body);
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}
