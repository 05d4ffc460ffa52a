import { existsSync } from 'node:fs';
import { sqlitePathOf } from '../../src/store/open-store';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { nextSmsCode, SlackUser } from './slack-user';

/** `startPassdesk` with a store passed in by its caller (as tests and the demo do). */

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

it('keeps flows, limits and audit in the store it was given, and leaves it open for its owner', async () => {
  const store = new MemoryStore();
  const harness = await startPassdeskUnderTest({ directory: slapd, adapters: { store } });
  try {
    const people = await seedPeople(slapd, { tag: 'injected' });
    harness.slack.setUser('UINJECT', { email: people.staff.mail, locale: 'en-GB' });
    const user = new SlackUser(harness, 'UINJECT');
    await user.runPassword();
    const since = harness.twilio.messages.length;
    await user.submit([['Last 3 digits of your registered phone number', JAN_PHONE.slice(-3)], user.challenge()]);
    const code = await nextSmsCode(harness, since);

    // A restart with the same store continues the flow: it lived in the store passed in.
    await harness.restart();
    await user.submit([['Code from the SMS', code]]);
    expect(user.labels()).toContain('New password');

    const actions = (await store.listAudit({ actor: `slack:${harness.slack.teamId}:UINJECT` })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['password-reset.started', 'password-reset.code-sent', 'password-reset.code-verified']));
    expect(await store.count(`limit:sms:user:slack:${harness.slack.teamId}:UINJECT`, 3_600_000, harness.clock.now())).toBe(1);
    expect(existsSync(sqlitePathOf(harness.env.DATABASE_URL))).toBe(false);
  } finally {
    await harness.stop();
  }
});
