import { RESET_CALLBACK } from '../../src/slack/views/password-reset/ids';
import { startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type PostgresServer, startPostgres } from '../harness/postgres';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy';
import { SlackUser } from '../e2e/slack-user';

/**
 * What a stop (SIGTERM, SIGINT) does besides draining work in flight, which the production
 * install's tests show with signals: in Socket Mode it answers the requests it has received
 * before it leaves the connection their answers travel on, and it closes what it keeps open
 * between requests.
 */

let slapd: SlapdServer;
let postgres: PostgresServer;
beforeAll(async () => {
  [slapd, postgres] = await Promise.all([startSlapd(), startPostgres()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([slapd?.stop(), postgres?.stop()]);
});

describe('in Socket Mode', () => {
  // A view submission's ack goes back over the WebSocket after its step has run: closing the
  // socket first would lose the answer while the step's SMS went out, and Slack show an error.
  it('answers a step submitted just before it stops, then leaves the connection', async () => {
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
});

describe('connections', () => {
  let relays: TcpProxy[] = [];
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
  });

  /** Waits (a guard, not a measure) until the relay has seen every connection through it close. */
  async function allClosed(relay: TcpProxy): Promise<number> {
    const deadline = Date.now() + 3_000;
    while (relay.open > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return relay.open;
  }

  // Watched through TCP relays. Mail keeps none: each message has its own SMTP connection. The
  // PostgreSQL pool would close idle connections by itself after 10 s; the relays are read well before.
  it('closes the pooled directory connections and the PostgreSQL store connections when it stops', async () => {
    const store = new URL(await postgres.createDatabase());
    const [ldapRelay, storeRelay] = relays = await Promise.all([
      startTcpProxy(Number(new URL(slapd.ldapsUrl).port)), startTcpProxy(Number(store.port)),
    ]);
    store.port = String(storeRelay.port);
    const harness = await startPassdeskUnderTest({
      directory: slapd,
      env: { LDAP_URL: `ldaps://127.0.0.1:${ldapRelay.port}`, DATABASE_URL: store.toString(), LOG_LEVEL: 'warn' },
    });
    let stopped: Promise<void> | undefined;
    try {
      const people = await seedPeople(slapd, { tag: 'stop' });
      harness.slack.setUser('USTOPPING', { email: people.staff.mail, locale: 'en-US' });
      await new SlackUser(harness, 'USTOPPING').openMenu('reset');
      // The look-up and the flow left connections open, to be reused by the next request.
      expect(ldapRelay.open).toBeGreaterThan(0);
      expect(storeRelay.open).toBeGreaterThan(0);

      stopped = harness.stop();
      await stopped;
      expect({ directory: await allClosed(ldapRelay), store: await allClosed(storeRelay) }).toEqual({ directory: 0, store: 0 });
    } finally {
      await (stopped ?? harness.stop()).catch(() => undefined);
    }
  });
});
