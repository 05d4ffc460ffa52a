import type { Logger } from './logger';

/** The part of `process` this needs; tests pass an EventEmitter. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Logs what escaped every handler, with each known secret value cut out of its message and
 * stack (an error message may quote a URL or a server's reply). An unhandled rejection is logged
 * and the bot goes on; an uncaught exception leaves the process in an unknown state, so it is
 * logged and the process exits for its supervisor to restart it. No request can cause either:
 * the HTTP receiver answers every request itself.
 */
export function logProcessErrors(
  target: ProcessEvents,
  logger: Logger,
  secrets: readonly string[],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const redact = redactor(secrets);
  target.on('unhandledRejection', (reason) => {
    logger.error({ error: describeError(reason, redact) }, 'unhandled promise rejection');
  });
  target.on('uncaughtException', (error) => {
    logger.fatal({ error: describeError(error, redact) }, 'uncaught exception; exiting for the supervisor to restart passdesk');
    exit(1);
  });
}

interface ErrorSummary {
  type: string;
  message?: string;
  stack?: string;
  /** Not `code`: that key is censored as an SMS code by the logger. */
  errorCode?: string;
}

/** An error's name, code, message and stack, redacted; anything else only by its type, never its content. */
export function describeError(value: unknown, redact: (text: string) => string): ErrorSummary {
  if (!(value instanceof Error)) return { type: typeof value };
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: redact(value.message),
    stack: value.stack === undefined ? undefined : redact(value.stack),
    errorCode: typeof code === 'string' ? code : undefined,
  };
}

/** Replaces every secret (as given and URL-decoded), longest first, so one holding another goes whole. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap((secret) => [secret, safeDecode(secret)]))]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
