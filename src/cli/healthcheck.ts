/**
 * The container's HEALTHCHECK (and a systemd watchdog script's): asks the running bot's
 * `/healthz` (or `/readyz` with `--ready`) on 127.0.0.1, on PORT in HTTP mode or HEALTH_PORT in
 * Socket Mode, as the bot itself chooses. Exit 0 when it answers 200, 1 otherwise.
 */
const TIMEOUT_MS = 4_000;

export function healthUrl(env: Record<string, string | undefined>, ready: boolean): string {
  const socketMode = Boolean(env.SLACK_APP_TOKEN);
  const port = (socketMode ? env.HEALTH_PORT : env.PORT) || '3000';
  return `http://127.0.0.1:${port}${ready ? '/readyz' : '/healthz'}`;
}

if (require.main === module) {
  const url = healthUrl(process.env, process.argv.includes('--ready'));
  fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    .then((response) => {
      process.stdout.write(`${response.status === 200 ? 'healthy' : 'unhealthy'}: HTTP ${response.status}\n`);
      process.exitCode = response.status === 200 ? 0 : 1;
    })
    .catch((error: unknown) => {
      process.stdout.write(`unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
