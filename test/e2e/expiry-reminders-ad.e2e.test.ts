/**
 * The expiry reminders on Active Directory (Samba): the domain's maxPwdAge and fine-grained
 * policies, the two forms of "never expires", a disabled account (which still has a computed
 * expiry) and one that must change its password. Samba takes pwdLastSet only as "now" over LDAP,
 * so each person has a policy of the age that puts their expiry where wanted once the bot's clock
 * is moved 80 days ahead (test/harness/expiring-people.ts).
 */
import { type ExpiringKey, type SambaExpiringSeed, seedExpiringOnSamba, slackUsersOf } from '../harness/expiring-people';
import type { FakeMessage } from '../harness/fake-slack';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { connectSamba } from '../harness/samba';
import { SAMBA_PASSWORD_SETTINGS } from '../harness/samba-template';
import { visibleText } from '../harness/slack-driver';

let seed: SambaExpiringSeed;
let harness: PassdeskUnderTest;

beforeAll(async () => {
  seed = await seedExpiringOnSamba(await connectSamba(), 'ade', SAMBA_PASSWORD_SETTINGS.maxAgeDays);
  harness = await startPassdeskUnderTest({
    directory: seed.server,
    env: { REMINDERS_ENABLED: 'true', REMINDER_CRON: '* * * * * *', REMINDER_DAYS: '10,3,1', REMINDER_EXPIRED_DAYS: '30' },
    slack: { users: slackUsersOf(seed.people) },
  });
  harness.clock.advance(seed.clockOffsetMs);
}, 120_000);
afterAll(() => harness?.stop());

const dmsTo = (key: ExpiringKey): FakeMessage[] =>
  harness.slack.messages.filter((message) => message.userId === seed.people[key].slack?.id && !message.ephemeral);
const sweepsDone = () => harness.logs.filter((line) => line.includes('"expiry reminder sweep finished"')).length;

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('expiry reminders on Active Directory (Samba)', () => {
  it('DMs exactly the due people once, mails the one not in Slack, and a later sweep sends nothing', async () => {
    const { people } = seed;
    await until(() => harness.smtp.messages.length === 1 && harness.slack.messages.length >= 5, 'the reminders');
    const swept = sweepsDone();
    await until(() => sweepsDone() >= swept + 2, 'two more sweeps');

    const inSlack: ExpiringKey[] = ['janStaff', 'anna', 'piotr', 'giulia', 'marco'];
    for (const key of inSlack) expect({ key, dms: dmsTo(key).length }).toEqual({ key, dms: 1 });
    expect(harness.slack.messages.filter((message) => !message.ephemeral)).toHaveLength(inSlack.length);
    expect(harness.smtp.messages.map((mail) => mail.to)).toEqual([[people.ewa.spec.mail]]);

    const jan = visibleText(dmsTo('janStaff')[0]);
    expect(jan).toContain(`*${people.janStaff.spec.username}*: wygasa <!date^`);
    expect(jan).toContain(`*${people.janStudent.spec.username}*: wygasa <!date^`);
    expect(visibleText(dmsTo('marco')[0])).toContain('La tua password di Ateneo è scaduta');
    expect(visibleText(dmsTo('piotr')[0])).toContain(`*${people.piotr.spec.username}*: expires on`);
  });
});
