import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';
import { type FakeTwilio, startFakeTwilio } from '../harness/fake-twilio';
import { type RunningProcess, startProcess } from '../harness/passdesk-process';
import { SIGNING_SECRET, TWILIO_SID, TWILIO_TOKEN, deployerEnv } from '../harness/passdesk-under-test';
import { JAN_PHONE, seedPeople } from '../harness/people';
import { type PostgresServer, startPostgres } from '../harness/postgres';
import { SlackHttpDriver } from '../harness/slack-driver';
import { type SlapdServer, startSlapd } from '../harness/slapd';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink';
import { SlackUser, nextSmsCode } from './slack-user';

/**
 * Two passdesk processes (src/main.ts, as `npm start` runs it) on one PostgreSQL database, behind
 * one Slack: as a load balancer would, each request goes to either replica.
 */

const TOO_MANY = 'Too many attempts. For your safety, password reset is paused for a while; please try again later.';
const CHOSEN = 'Quiet-Harbour-58;Lamp';

let slapd: SlapdServer;
let postgres: PostgresServer;
let slack: FakeSlack;
let twilio: FakeTwilio;
let smtp: SmtpSink;
let dataDir: string;
let replicas: RunningProcess[] = [];

beforeAll(async () => {
  [slapd, postgres, slack, twilio, smtp] = await Promise.all([
    startSlapd(), startPostgres(), startFakeSlack(), startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }), startSmtpSink(),
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'passdesk-replicas-'));
  const env = deployerEnv({
    slack, twilio, smtp, directory: slapd, dataDir,
    extra: { DATABASE_URL: await postgres.createDatabase(), LOG_LEVEL: 'info', LIMIT_FLOWS_PER_DAY: '3' },
  });
  // Started together: both migrate the new database at once.
  replicas = await Promise.all([startProcess(env), startProcess(env)]);
}, 180_000);

afterAll(async () => {
  for (const replica of replicas) replica.child.kill('SIGTERM');
  await Promise.all(replicas.map((replica) => replica.exited));
  await Promise.all([slack?.stop(), twilio?.stop(), smtp?.stop(), slapd?.stop(), postgres?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function driverFor(replica: RunningProcess): SlackHttpDriver {
  return new SlackHttpDriver({ url: `http://127.0.0.1:${replica.port}/slack/events`, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack });
}

describe('two replicas on one PostgreSQL database', () => {
  it('finishes on one replica a flow started on the other, step by step across both', async () => {
    const people = await seedPeople(slapd, { tag: 'pgr' });
    slack.setUser('UREPLICAS', { email: people.staff.mail, locale: 'en-US' });
    const [a, b] = replicas.map(driverFor);
    const via = { slack, driver: a };
    const user = new SlackUser(via, 'UREPLICAS');

    await user.runPassword();
    via.driver = b;
    const since = twilio.messages.length;
    await user.submit([['Last 3 digits of your registered phone number', JAN_PHONE.slice(-3)], user.challenge()]);
    const code = await nextSmsCode({ twilio }, since);
    via.driver = a;
    await user.submit([['Code from the SMS', code]]);
    via.driver = b;
    await user.submit([['New password', CHOSEN], ['New password again', CHOSEN]]);

    expect(user.text()).toContain('Your password has been changed for');
    expect(await slapd.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await slapd.canBind(people.student.dn, CHOSEN)).toBe(true);
  });

  it('holds one allowance across both: of 40 starts spread over the replicas, exactly the daily 3 go through', async () => {
    slack.setUser('UBOTHREPLICAS', { email: 'nobody-here@uni.example' });
    const [a, b] = replicas.map(driverFor);
    const since = slack.calls.length;
    // 20 to each replica: a store per replica would let 3 through on each, 6 in all.
    for (let burst = 0; burst < 4; burst += 1) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).slashCommand('UBOTHREPLICAS', '/password', 'reset')));
    }
    const updates = () => slack.calls.slice(since).filter((call) => call.method === 'views.update');
    // Waits for every answer; a guard against hanging, not a measure of speed.
    const deadline = Date.now() + 60_000;
    while (updates().length < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const texts = updates().map((call) => JSON.stringify(call.args.view));
    expect(texts.filter((text) => text.includes('We found no university account'))).toHaveLength(3);
    expect(texts.filter((text) => text.includes(TOO_MANY))).toHaveLength(37);
  }, 90_000);
});
