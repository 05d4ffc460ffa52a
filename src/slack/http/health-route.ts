import type { GetRoute } from './signed-http-receiver';

/** `GET /healthz`: the process is up and serving HTTP. */
export const healthz: GetRoute = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
};
