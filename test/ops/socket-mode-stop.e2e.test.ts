import { RESET_CALLBACK } from '../../src/slack/views/password-reset/ids';
import { startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { SlackUser } from '../e2e/slack-user';

/**
 * In Socket Mode a request's answer (its ack) goes back over the WebSocket, so a stop must not
 * close the connection under a request still working out its answer: a step submitted just
 * before SIGTERM would otherwise be lost, with Slack showing an error while its SMS went out.
 */

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

it('answers a step submitted just before it stops, then leaves the Socket Mode connection', async () => {
  const harness = await startPassdeskUnderTest({ directory: slapd, socketMode: true, env: { LOG_LEVEL: 'warn' } });
  let stopped: Promise<void> | undefined;
  try {
    const people = await seedPeople(slapd, { tag: 'sock' });
    harness.slack.setUser('USOCKETSTOP', { email: people.staff.mail, locale: 'en-US' });
    const user = new SlackUser(harness, 'USOCKETSTOP');
    await user.openMenu('reset');

    // The identity step sends the SMS before it answers: held, the step is in flight when the stop begins.
    const sms = harness.twilio.holdNext();
    const answered = user.submit([['Last 3 digits of your registered phone number', JAN_PHONE.slice(-3)], user.challenge()]);
    await sms.arrived;
    stopped = harness.stop();
    sms.release();

    expect((await answered).body).toMatchObject({ response_action: 'update', view: { callback_id: RESET_CALLBACK.code } });
    expect(harness.twilio.messages).toHaveLength(1);
    await stopped;
    expect(harness.socketMode?.connected).toBe(false);
  } finally {
    await (stopped ?? harness.stop()).catch(() => undefined);
  }
});
