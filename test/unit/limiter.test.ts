import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Limiter } from '../../src/regulation/limiter';
import type { LimitRule } from '../../src/regulation/limit-rule';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { FakeClock } from '../harness/fake-clock';

const dir = mkdtempSync(join(tmpdir(), 'passdesk-limiter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const flow: LimitRule = { name: 'flow', limit: 2, windowMs: 24 * HOUR };
const sms: LimitRule = { name: 'sms', limit: 3, windowMs: HOUR };
const wrongAnswer: LimitRule = { name: 'wrong-answer', limit: 4, windowMs: HOUR };
let n = 0;

const KEY = 'limiter-test-secret-key-0123456789abcdef';

function setUp(key = KEY) {
  n += 1;
  const store = SqliteStore.open(join(dir, `limits-${n}.sqlite`));
  const clock = new FakeClock();
  return { store, clock, limiter: new Limiter(store, clock, key) };
}

function counterKeys(path: string): string[] {
  const db = new DatabaseSync(path);
  const keys = (db.prepare('SELECT key FROM counter_events').all() as { key: string }[]).map((row) => row.key);
  db.close();
  return keys;
}

describe('limits', () => {
  it('exhaust a subject at its allowance, and free it when the window slides past', async () => {
    const { store, clock, limiter } = setUp();
    const subjects = { slackUser: 'slack:T:U1', phone: '+48 600 100 200' };
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.isExhausted(sms, subjects)).toBe(false);
      await limiter.record(sms, subjects);
    }
    expect(await limiter.isExhausted(sms, subjects)).toBe(true);
    clock.advance(HOUR + 1);
    expect(await limiter.isExhausted(sms, subjects)).toBe(false);
    await store.close();
  });

  it('tell how many events one subject has in the window, each subject on its own', async () => {
    const { store, clock, limiter } = setUp();
    await limiter.record(wrongAnswer, { slackUser: 'slack:T:U1', accounts: ['uid=a,dc=x'] });
    await limiter.record(wrongAnswer, { slackUser: 'slack:T:U1', accounts: ['uid=b,dc=x'] });
    expect(await limiter.used(wrongAnswer, { slackUser: 'slack:T:U1' })).toBe(2);
    expect(await limiter.used(wrongAnswer, { account: 'UID=A,dc=x' })).toBe(1);
    expect(await limiter.used(wrongAnswer, { account: 'uid=c,dc=x' })).toBe(0);
    clock.advance(HOUR + 1);
    expect(await limiter.used(wrongAnswer, { slackUser: 'slack:T:U1' })).toBe(0);
    await store.close();
  });

  it('count per Slack user, per account and per phone: any exhausted subject refuses', async () => {
    const { store, limiter } = setUp();
    await limiter.record(flow, { slackUser: 'slack:T:U1', accounts: ['uid=a,ou=people'] });
    await limiter.record(flow, { slackUser: 'slack:T:U2', accounts: ['UID=A,ou=people'] });
    // U3 never started a flow, but account a (DNs compare case-insensitively) is used up.
    expect(await limiter.isExhausted(flow, { slackUser: 'slack:T:U3', accounts: ['uid=a,ou=people'] })).toBe(true);
    expect(await limiter.isExhausted(flow, { slackUser: 'slack:T:U3', accounts: ['uid=b,ou=people'] })).toBe(false);

    // One phone written three ways is one phone.
    await limiter.record(sms, { slackUser: 'slack:T:U4', phone: '+48600100200' });
    await limiter.record(sms, { slackUser: 'slack:T:U5', phone: '+48 600-100-200' });
    expect(await limiter.isExhausted(sms, { slackUser: 'slack:T:U7', phone: '+48 600 100 200' })).toBe(false);
    await limiter.record(sms, { slackUser: 'slack:T:U6', phone: '+48 (600) 100 200' });
    expect(await limiter.isExhausted(sms, { slackUser: 'slack:T:U7', phone: '+48600100200' })).toBe(true);
    expect(await limiter.isExhausted(sms, { slackUser: 'slack:T:U7', phone: '+48600100201' })).toBe(false);
    await store.close();
  });

  it('keep each kind of action apart, with its own window', async () => {
    const { store, clock, limiter } = setUp();
    const user = { slackUser: 'slack:T:U1' };
    await limiter.record(flow, user);
    await limiter.record(flow, user);
    expect(await limiter.isExhausted(flow, user)).toBe(true);
    expect(await limiter.isExhausted(wrongAnswer, user)).toBe(false);
    clock.advance(HOUR + 1);
    expect(await limiter.isExhausted(flow, user)).toBe(true);
    clock.advance(23 * HOUR);
    expect(await limiter.isExhausted(flow, user)).toBe(false);
    await store.close();
  });

  it('consume atomically: granted while every subject has room, refused with nothing counted once one has none', async () => {
    const { store, limiter } = setUp();
    expect(await limiter.consume(flow, { slackUser: 'slack:T:U1', accounts: ['uid=a,ou=people'] })).toBe(true);
    expect(await limiter.consume(flow, { slackUser: 'slack:T:U2', accounts: ['uid=a,ou=people'] })).toBe(true);
    // Account a is used up: U3 is refused, and U3's own allowance is untouched.
    expect(await limiter.consume(flow, { slackUser: 'slack:T:U3', accounts: ['uid=a,ou=people'] })).toBe(false);
    expect(await limiter.consume(flow, { slackUser: 'slack:T:U3' })).toBe(true);
    expect(await limiter.consume(flow, { slackUser: 'slack:T:U3' })).toBe(true);
    expect(await limiter.isExhausted(flow, { slackUser: 'slack:T:U3' })).toBe(true);
    await store.close();
  });

  it('count a whole Slack team as one subject, and accounts or a phone without any Slack user', async () => {
    const { store, limiter } = setUp();
    expect(await limiter.consume(flow, { team: 'T1' })).toBe(true);
    expect(await limiter.consume(flow, { team: 'T1' })).toBe(true);
    expect(await limiter.consume(flow, { team: 'T1' })).toBe(false);
    expect(await limiter.consume(flow, { team: 'T2' })).toBe(true);
    // A team and a user of the same id are different subjects.
    expect(await limiter.isExhausted(flow, { slackUser: 'T1' })).toBe(false);

    expect(await limiter.consume(flow, { accounts: ['uid=c,ou=people'], phone: '+48600100200' })).toBe(true);
    expect(await limiter.consume(flow, { accounts: ['uid=c,ou=people'] })).toBe(true);
    expect(await limiter.isExhausted(flow, { phone: '+48600100200' })).toBe(false);
    expect(await limiter.isExhausted(flow, { accounts: ['uid=c,ou=people'] })).toBe(true);
    await store.close();
  });

  it('refuse to count against nobody: no subject is a mistake, not a free pass', async () => {
    const { store, limiter } = setUp();
    await expect(limiter.consume(flow, {})).rejects.toThrow('no subject');
    await store.close();
  });

  it('never keep a phone number in clear in the store', async () => {
    const { store, limiter } = setUp();
    await limiter.record(sms, { slackUser: 'slack:T:U1', phone: '+48600100200' });
    const path = join(dir, `limits-${n}.sqlite`);
    await store.close();
    const keys = counterKeys(path);
    expect(keys.join()).not.toContain('600100200');
    expect(keys.some((key) => key.startsWith('limit:sms:phone:'))).toBe(true);
  });

  it('key a phone number with the secret key: no plain hash of it, and another key gives another counter', async () => {
    const phoneKeysWith = async (key: string) => {
      const { store, limiter } = setUp(key);
      await limiter.record(sms, { slackUser: 'slack:T:U1', phone: '+48600100200' });
      await store.close();
      return counterKeys(join(dir, `limits-${n}.sqlite`)).filter((k) => k.startsWith('limit:sms:phone:'));
    };
    const withKey = await phoneKeysWith(KEY);
    const withOtherKey = await phoneKeysWith('another-secret-key-0123456789abcdef0123');
    // Anyone can hash every phone number; only the key holder can compute these.
    const plain = createHash('sha256').update('48600100200').digest('hex');
    expect(withKey).toHaveLength(1);
    expect(withKey[0]).not.toContain(plain.slice(0, 16));
    expect(withOtherKey).toHaveLength(1);
    expect(withOtherKey[0]).not.toBe(withKey[0]);
  });
});
