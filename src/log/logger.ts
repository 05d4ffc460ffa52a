import pino, { type DestinationStream, type Logger } from 'pino';
import { maskPhone } from './mask';

export type { Logger };

const SECRET_KEYS = [
  'password', 'oldPassword', 'newPassword', 'confirmPassword', 'temporaryPassword', 'bindPassword',
  'code', 'token', 'botToken', 'appToken', 'authToken', 'signingSecret', 'unicodePwd', 'userPassword',
  'authorization', 'secret',
];
const PHONE_KEYS = ['phone', 'mobile', 'to'];

/**
 * pino redaction is a second line of defence: passdesk never logs a secret on purpose, but a
 * value that reaches a log by mistake under a known name is censored, and a phone keeps two digits.
 */
const REDACT_PATHS = [
  ...[...SECRET_KEYS, ...PHONE_KEYS].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'view.state.values',
  '*.view.state.values',
  'state.values',
  '*.state.values',
  'headers.authorization',
  '*.headers.authorization',
];

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1];
  if (PHONE_KEYS.includes(key) && typeof value === 'string') return maskPhone(value);
  return '[redacted]';
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'passdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
