import { systemClock } from '../../src/clock/clock';
import { createLogger } from '../../src/log/logger';
import { SignedHttpReceiver } from '../../src/slack/http/signed-http-receiver';
import { rawRequest } from '../harness/raw-http';

/** The GET route table: how /healthz is served, and where /readyz and /metrics will be. */

let receiver: SignedHttpReceiver;
let port: number;
const seen: string[] = [];
beforeAll(async () => {
  receiver = new SignedHttpReceiver({
    signingSecret: 'sentinel-signing-secret',
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('silent'),
    clock: systemClock,
    getRoutes: {
      '/readyz': (request, response) => {
        seen.push(request.url ?? '');
        response.writeHead(200).end('ready');
      },
      '/broken': () => {
        throw new Error('a route that throws');
      },
      '/broken-later': async () => {
        throw new Error('a route that rejects');
      },
    },
  });
  await receiver.start();
  port = receiver.address() as number;
});
afterAll(async () => {
  await receiver?.stop();
});

describe('the receiver\'s GET routes', () => {
  it('serves a registered route on its path, whatever the query string, to GET and HEAD', async () => {
    const response = await rawRequest(port, { method: 'GET', path: '/readyz?verbose=1' });
    expect(response.status).toBe(200);
    expect(response.text).toBe('ready');
    expect((await rawRequest(port, { method: 'HEAD', path: '/readyz' })).status).toBe(200);
    expect(seen).toEqual(['/readyz?verbose=1', '/readyz']);
  });

  it('answers another method on a route with 405 and the methods it allows, and an unknown path with 404', async () => {
    const put = await rawRequest(port, { method: 'PUT', path: '/readyz', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    expect((await rawRequest(port, { method: 'GET', path: '/readyz/more' })).status).toBe(404);
    expect((await rawRequest(port, { method: 'GET', path: '/healthz' })).status).toBe(404);
  });

  it('answers a route that throws or rejects with 500, and keeps serving', async () => {
    expect((await rawRequest(port, { method: 'GET', path: '/broken' })).status).toBe(500);
    expect((await rawRequest(port, { method: 'GET', path: '/broken-later' })).status).toBe(500);
    expect((await rawRequest(port, { method: 'GET', path: '/readyz' })).status).toBe(200);
  });
});
