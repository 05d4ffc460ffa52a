import { DirectoryError } from '../../directory/directory';
import type { Logger } from '../../log/logger';

/** Logs a failed directory call by its kind and message only (never the values it carried). */
export function logDirectoryError(logger: Logger, error: unknown, requestId: string, message: string): void {
  const failure = error instanceof DirectoryError ? error.failure : 'unexpected';
  logger.error({ requestId, failure, err: error instanceof Error ? error.message : 'unknown' }, message);
}
