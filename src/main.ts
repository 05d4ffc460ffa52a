// First, before any module that needs a recent Node.js is loaded.
import './ops/runtime/require-node-version';
import pino from 'pino';
import { ConfigError, loadConfig, secretValues } from './config';
import { createLogger, type Logger } from './log/logger';
import { logProcessErrors } from './log/process-errors';
import { StartupCheckError } from './ops/startup/startup-checks';
import { startPassdesk } from './passdesk';
import { NewerSchemaError } from './store/newer-schema-error';

/** After the drain bound, closing connections gets this long before the process exits anyway. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Start-up: configuration, composition, start, graceful stop on SIGTERM/SIGINT. `npm start`
 * execs node, so a signal to the npm process reaches this one too; a second signal (a supervisor
 * signalling the whole group, a terminal's Ctrl-C) does not interrupt the stop already under way.
 */
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
  // Written synchronously: an asynchronous stdout loses the line being written when the process
  // exits while a slow reader (journald, a container runtime, a test) holds the pipe full, and the
  // last lines of a stop ("passdesk stopped") are the ones a supervisor needs.
  const logger = createLogger(config.logLevel, pino.destination({ dest: 1, sync: true }));
  logProcessErrors(process, logger, secretValues(config));
  const running = await startPassdesk(config, { logger });
  const boundMs = config.ops.shutdownTimeoutSeconds * 1000 + CLOSE_GRACE_MS;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal }, 'stopping');
    setTimeout(() => {
      running.logger.error('stopping took too long; exiting now');
      void flushed(running.logger).then(() => process.exit(1));
    }, boundMs).unref();
    let clean = false;
    try {
      await running.stop();
      // Work the bound cut off is still counted: a supervisor sees the stop was not clean.
      clean = running.inFlight.count === 0;
    } catch (error) {
      running.logger.error({ err: error instanceof Error ? error.message : 'unknown' }, 'stop failed');
    }
    await flushed(running.logger);
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Lines a buffering destination still holds are written before exit (stdout itself is written synchronously). */
function flushed(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 500);
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

main().catch((error: unknown) => {
  const plain = error instanceof StartupCheckError || error instanceof NewerSchemaError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(plain ? `${message}\n` : `passdesk failed to start: ${message}\n`);
  process.exit(1);
});
