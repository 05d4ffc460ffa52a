import { ConfigError, loadConfig, secretValues } from './config';
import { createLogger } from './log/logger';
import { logProcessErrors } from './log/process-errors';
import { startPassdesk } from './passdesk';

/** Start-up: configuration, composition, start, graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logProcessErrors(process, logger, secretValues(config));
  const running = await startPassdesk(config, { logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`passdesk failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
