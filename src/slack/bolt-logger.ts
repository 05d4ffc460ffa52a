import { type Logger as SlackLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log/logger';

/**
 * Bolt and the Web API client log through pino, as JSON lines with the rest. Their level is
 * capped at info: at debug they print request and response payloads, which carry what people
 * type into the modal.
 */
export function boltLogger(logger: Logger): SlackLogger {
  const sdk = logger.child({ component: 'slack-sdk' });
  const write = (level: 'info' | 'warn' | 'error', parts: unknown[]) => {
    sdk[level](parts.map((part) => (typeof part === 'string' ? part : summarise(part))).join(' '));
  };
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => write('info', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** Errors by name and message only; other objects are not spelled out. */
function summarise(part: unknown): string {
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  return `[${typeof part}]`;
}
