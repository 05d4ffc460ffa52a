import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { maskMail, maskPhone } from '../../src/log/mask';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

describe('logger', () => {
  it('censors secrets that reach it under a known name, at any depth used here', () => {
    const { lines, logger } = capture();
    logger.info({
      password: 'SENTINEL-PW-1',
      code: '987654',
      nested: { newPassword: 'SENTINEL-PW-2', token: 'xoxb-SENTINEL' },
      view: { state: { values: { new_password: { value: { value: 'SENTINEL-PW-3' } } } } },
      body: { view: { state: { values: { x: 'SENTINEL-PW-4' } } } },
    }, 'event');
    const text = lines.join('');
    expect(text).not.toMatch(/SENTINEL|987654/);
    expect(text).toContain('[redacted]');
  });

  it('keeps at most the last two digits of a phone number', () => {
    const { lines, logger } = capture();
    logger.info({ phone: '+48 600 100 234', detail: { phone: '+48600100234' } }, 'sms');
    const text = lines.join('');
    expect(text).not.toContain('600');
    expect(text).toContain('***34');
  });

  it('writes JSON lines with a level label and an ISO time', () => {
    const { lines, logger } = capture();
    logger.warn('hello');
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'warn', msg: 'hello', service: 'passdesk' });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });
});

describe('masking', () => {
  it('masks phones and mails', () => {
    expect(maskPhone('+48 600-100-200')).toBe('***00');
    expect(maskMail('anna.rossi@uni.example')).toBe('a***i@uni.example');
    expect(maskMail('ab@uni.example')).toBe('a@uni.example');
  });
});
