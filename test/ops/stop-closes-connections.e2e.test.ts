import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { seedPeople } from '../harness/people';
import { type PostgresServer, startPostgres } from '../harness/postgres';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy';
import { SlackUser } from '../e2e/slack-user';

/**
 * A stop closes what passdesk keeps open between requests: the directory's pooled
 * service-account connections and the PostgreSQL store's pool, watched through TCP relays. (Mail
 * keeps none: each message has its own SMTP connection.) The PostgreSQL pool would close its idle
 * connections by itself after 10 s; the relays are read well before that.
 */

let slapd: SlapdServer;
let postgres: PostgresServer;
let ldapRelay: TcpProxy;
let storeRelay: TcpProxy;
let harness: PassdeskUnderTest | undefined;

beforeAll(async () => {
  [slapd, postgres] = await Promise.all([startSlapd(), startPostgres()]);
  const store = new URL(await postgres.createDatabase());
  [ldapRelay, storeRelay] = await Promise.all([startTcpProxy(Number(new URL(slapd.ldapsUrl).port)), startTcpProxy(Number(store.port))]);
  store.port = String(storeRelay.port);
  harness = await startPassdeskUnderTest({
    directory: slapd,
    env: { LDAP_URL: `ldaps://127.0.0.1:${ldapRelay.port}`, DATABASE_URL: store.toString(), LOG_LEVEL: 'warn' },
  });
}, 120_000);

afterAll(async () => {
  await harness?.stop();
  await Promise.all([ldapRelay?.close(), storeRelay?.close()]);
  await Promise.all([slapd?.stop(), postgres?.stop()]);
});

/** Waits (a guard, not a measure) until the relay has seen every connection through it close. */
async function allClosed(relay: TcpProxy): Promise<number> {
  const deadline = Date.now() + 3_000;
  while (relay.open > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return relay.open;
}

it('closes the pooled directory connections and the PostgreSQL store connections when it stops', async () => {
  const running = harness!;
  const people = await seedPeople(slapd, { tag: 'stop' });
  running.slack.setUser('USTOPPING', { email: people.staff.mail, locale: 'en-US' });
  await new SlackUser(running, 'USTOPPING').openMenu('reset');
  // The look-up and the flow left connections open, to be reused by the next request.
  expect(ldapRelay.open).toBeGreaterThan(0);
  expect(storeRelay.open).toBeGreaterThan(0);

  harness = undefined;
  await running.stop();
  expect({ directory: await allClosed(ldapRelay), store: await allClosed(storeRelay) }).toEqual({ directory: 0, store: 0 });
});
