import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { logProcessErrors } from '../../src/log/process-errors';

const BIND_PASSWORD = 'sentinel-bind-p@ss';
const SMTP_PASSWORD = 'sentinel-smtp-pw';

function setUp() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const target = new EventEmitter();
  const exits: number[] = [];
  logProcessErrors(target, createLogger('info', stream), [BIND_PASSWORD, encodeURIComponent(SMTP_PASSWORD)], (code) => exits.push(code));
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { target, exits, lines, entries };
}

describe('process-level errors', () => {
  it('logs an unhandled rejection by type and message, with secret values cut out, and keeps running', () => {
    const { target, exits, lines, entries } = setUp();
    const error = Object.assign(new Error(`bind as cn=passdesk with ${BIND_PASSWORD} failed, smtp ${SMTP_PASSWORD}`), { code: 'EAUTH' });
    target.emit('unhandledRejection', error);

    const [entry] = entries();
    expect(entry.level).toBe('error');
    expect(entry.msg).toBe('unhandled promise rejection');
    expect(entry.error).toMatchObject({ type: 'Error', errorCode: 'EAUTH', message: 'bind as cn=passdesk with [redacted] failed, smtp [redacted]' });
    expect(lines.join('')).not.toContain('sentinel');
    expect(exits).toEqual([]);
  });

  it('logs a rejection with a value that is not an Error by its type only', () => {
    const { target, lines, entries } = setUp();
    target.emit('unhandledRejection', { token: 'sentinel-token', password: BIND_PASSWORD });
    expect(entries()[0].error).toEqual({ type: 'object' });
    expect(lines.join('')).not.toContain('sentinel');
  });

  it('logs an uncaught exception at fatal, without secrets, and exits with 1 for the supervisor', () => {
    const { target, exits, lines, entries } = setUp();
    target.emit('uncaughtException', new TypeError(`cannot read ${BIND_PASSWORD}`));

    const [entry] = entries();
    expect(entry.level).toBe('fatal');
    expect(entry.error).toMatchObject({ type: 'TypeError', message: 'cannot read [redacted]' });
    expect(String((entry.error as { stack: string }).stack)).toContain('TypeError: cannot read [redacted]');
    expect(lines.join('')).not.toContain('sentinel');
    expect(exits).toEqual([1]);
  });
});
