import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SlapdServer, startSlapd } from '../harness/slapd';

/**
 * /healthz, /readyz and /metrics on PORT (HTTP mode) and HEALTH_PORT (Socket Mode). Readiness
 * follows a real slapd going away and coming back; its answers are cached by the clock, which
 * the test moves instead of waiting.
 */

const CACHE_SECONDS = 10;

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

async function get(port: number | undefined, path: string, method = 'GET'): Promise<{ status: number; body: string; type: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' };
}

describe('HTTP mode, on PORT', () => {
  let harness: PassdeskUnderTest;
  beforeAll(async () => {
    harness = await startPassdeskUnderTest({ directory: slapd, env: { READINESS_CACHE_SECONDS: String(CACHE_SECONDS) } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('is alive and ready while the store and directory answer', async () => {
    expect(await get(harness.passdesk.port, '/healthz')).toMatchObject({ status: 200, body: 'ok' });
    const ready = await get(harness.passdesk.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', checks: { store: 'ok', directory: 'ok' } });
    const metrics = await get(harness.passdesk.port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    expect(metrics.body).toContain('# TYPE passdesk_journeys_started_total counter');
  });

  it('turns 503 within the cache time of the directory going away, and 200 within it of its return', async () => {
    const port = harness.passdesk.port;
    expect((await get(port, '/readyz')).status).toBe(200);
    await slapd.halt();
    try {
      // The answer of a moment ago still stands...
      expect((await get(port, '/readyz')).status).toBe(200);
      // ...until the cache time has passed: then the directory is asked again.
      harness.clock.advance(CACHE_SECONDS * 1000);
      const down = await get(port, '/readyz');
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body)).toEqual({
        status: 'not ready',
        checks: { store: 'ok', directory: 'cannot reach LDAP_URL (ECONNREFUSED)' },
      });
      // Alive all the same: restarting passdesk would not bring the directory back.
      expect((await get(port, '/healthz')).status).toBe(200);
    } finally {
      await slapd.resume();
    }
    expect((await get(port, '/readyz')).status).toBe(503);
    harness.clock.advance(CACHE_SECONDS * 1000);
    expect((await get(port, '/readyz')).status).toBe(200);
  });
});

describe('Socket Mode, on HEALTH_PORT', () => {
  let harness: PassdeskUnderTest;
  beforeAll(async () => {
    harness = await startPassdeskUnderTest({ directory: slapd, socketMode: true });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('serves /healthz, /readyz and /metrics on a port of their own', async () => {
    const port = harness.passdesk.healthPort;
    expect(port).toBeGreaterThan(0);
    expect(harness.passdesk.port).toBeUndefined();
    expect(await get(port, '/healthz')).toMatchObject({ status: 200, body: 'ok' });
    expect(JSON.parse((await get(port, '/readyz')).body)).toEqual({ status: 'ready', checks: { store: 'ok', directory: 'ok' } });
    expect((await get(port, '/metrics')).body).toContain('# TYPE passdesk_sms_total counter');
  });

  it('answers 404 to other paths and 405 to other methods', async () => {
    const port = harness.passdesk.healthPort;
    expect((await get(port, '/slack/events', 'POST')).status).toBe(404);
    expect((await get(port, '/')).status).toBe(404);
    expect((await get(port, '/readyz', 'POST')).status).toBe(405);
    expect(await get(port, '/healthz', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(port, '/readyz?verbose=1')).status).toBe(200);
  });
});
