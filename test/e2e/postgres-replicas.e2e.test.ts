import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expiringPeople, seedExpiringOnSlapd, slackUsersOf } from '../harness/expiring-people';
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
 * one Slack: as a load balancer would, each request goes to either replica. Both run the expiry
 * reminder sweep on the same schedule, every two seconds, so their sweeps start at the same moment.
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
    extra: {
      DATABASE_URL: await postgres.createDatabase(), LOG_LEVEL: 'info', LIMIT_FLOWS_PER_DAY: '3',
      REMINDERS_ENABLED: 'true', REMINDER_CRON: '*/2 * * * * *',
    },
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

  it('sends each expiry reminder once: both replicas sweep at the same moment and share the work, one DM (or mail) per due person', async () => {
    const since = replicas.map((replica) => replica.output.length);
    const sweepsOf = (index: number) => replicas[index].output.slice(since[index]).flatMap((line) => {
      const entry = JSON.parse(line) as { msg?: string; sweep?: { sentByDm: number; sentByMail: number } };
      return entry.msg === 'expiry reminder sweep finished' && entry.sweep ? [entry.sweep] : [];
    });
    // The first DM either replica sends waits until the other replica's sweep has finished: the
    // two sweeps surely overlap, and the other must leave that person alone and send the rest.
    const held = slack.holdNext('chat.postMessage');
    // In Slack before they are in the directory, so no sweep in between finds them missing from Slack (and mails them).
    for (const [userId, user] of Object.entries(slackUsersOf(expiringPeople('pgrem')))) slack.setUser(userId, user);
    const cast = await seedExpiringOnSlapd(slapd, 'pgrem');

    await held.arrived;
    const deadline = Date.now() + 60_000;
    while (!sweepsOf(0).some((sweep) => sweep.sentByDm > 0) && !sweepsOf(1).some((sweep) => sweep.sentByDm > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    held.release();
    // Two more sweeps each, after the held one: nothing is left to send.
    while ((sweepsOf(0).length < 3 || sweepsOf(1).length < 3) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    // Due with the default REMINDER_DAYS (10) and REMINDER_EXPIRED_DAYS (30), and in Slack.
    const inSlack = (['janStaff', 'anna', 'piotr', 'giulia', 'marco'] as const).map((key) => cast[key]);
    for (const person of inSlack) {
      expect({ user: person.slack!.id, dms: slack.messages.filter((message) => message.userId === person.slack!.id && !message.ephemeral).length })
        .toEqual({ user: person.slack!.id, dms: 1 });
    }
    expect(smtp.messages.filter((mail) => mail.to.includes(cast.ewa.spec.mail))).toHaveLength(1);
    const sentBy = [0, 1].map((index) => sweepsOf(index).reduce((sum, sweep) => sum + sweep.sentByDm, 0));
    // Both replicas sent some, together each once.
    expect(sentBy.every((sent) => sent > 0)).toBe(true);
    expect(sentBy[0] + sentBy[1]).toBe(inSlack.length);
  }, 90_000);
});
