import type { FakeMessage } from '../harness/fake-slack';
import { buttonByText } from '../harness/slack-driver';
import { FLAVOURS, type MenuWorld, startMenuWorld } from './menu-world';

/**
 * "This wasn't me" under the "your password changed" DM, on slapd and on Samba AD: the help
 * desk's channel is alerted with the accounts and the time from passdesk's own record, the
 * person is told what to do now, it is audited, and nothing changes in the directory.
 */

const LOG_CHANNEL = 'C0HELPLOG';
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const NOT_ME = "This wasn't me";

describe.each(FLAVOURS)('"this wasn\'t me", on %s', (flavour, launch) => {
  let world: MenuWorld;
  beforeAll(async () => {
    world = await startMenuWorld(flavour, launch, { HELPDESK_LOG_CHANNEL: LOG_CHANNEL });
  }, 120_000);
  afterAll(async () => {
    await world?.stop();
  });

  const alerts = () => world.harness.slack.messages.filter((message) => message.channel === LOG_CHANNEL);
  const press = (userId: string, dm: FakeMessage, value?: string) => world.harness.driver.clickButton(userId, {
    ...buttonByText(dm, NOT_ME), ...(value === undefined ? {} : { value }),
    message: { channel: dm.channel, ts: dm.ts, text: dm.text, blocks: dm.blocks },
  });
  const repliesTo = (userId: string) => world.harness.slack.messages.filter((message) => message.userId === userId && !message.blocks);

  it('alerts the help desk with the accounts and time, tells the person to call, audits it, and changes nothing', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    await user.openMenu('change');
    await user.submit([['Current password', people.noPhone.password], ['New password', CHOSEN], ['New password again', CHOSEN]]);
    const dm = await world.harness.slack.waitForMessage(user.id);
    expect(dm.text).toContain('Your password was changed');
    const before = alerts().length;

    await press(user.id, dm);

    const alert = await world.harness.slack.waitForMessage((message) => message.channel === LOG_CHANNEL);
    expect(alert.text).toContain('Password change reported as not theirs');
    expect(alert.text).toContain(`<@${user.id}>`);
    expect(alert.text).toContain(people.noPhone.username);
    expect(alert.text).toContain('change of a known password');
    expect(alert.text).not.toContain(CHOSEN);
    const reply = await world.harness.slack.waitForMessage((message) => message.userId === user.id && message.text?.includes('Thank you for telling us') === true);
    expect(reply.text).toContain('the IT help desk (#it-help)');
    expect(world.auditActions(user.id)).toContain('password-changed.not-me ok');
    // Nothing in the directory moved: the new password still works, the account is neither locked nor disabled.
    expect(await world.directory.canBind(people.noPhone.dn, CHOSEN)).toBe(true);
    await expect(world.adapter().getAccount(people.noPhone.dn)).resolves.toMatchObject({ locked: false, disabled: false });

    // A second press: no second alert.
    await press(user.id, dm);
    await world.harness.slack.waitForMessage((message) => message.userId === user.id && message.text?.includes('already reported') === true);
    expect(alerts().length).toBe(before + 1);
  });

  it('ignores a forged notice id: no alert, audited as refused, the person still told to call', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    await user.openMenu('change');
    await user.submit([['Current password', people.noPhone.password], ['New password', CHOSEN], ['New password again', CHOSEN]]);
    const dm = await world.harness.slack.waitForMessage(user.id);
    const before = alerts().length;

    await press(user.id, dm, '00000000-0000-4000-8000-000000000000');

    await world.harness.slack.waitForMessage((message) => message.userId === user.id && message.text?.includes('can no longer tell which change') === true);
    expect(alerts().length).toBe(before);
    expect(world.auditActions(user.id)).toContain('password-changed.not-me refused');
    expect(repliesTo(user.id).length).toBeGreaterThan(0);
  });
});
