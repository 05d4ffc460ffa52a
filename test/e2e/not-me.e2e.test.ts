import type { FakeMessage } from '../harness/fake-slack';
import { buttonByText } from '../harness/slack-driver';
import { SlackUser } from './slack-user';
import { FLAVOURS, menuWorldFor } from './menu-world';

/**
 * "This wasn't me" under every "your password changed" DM (a change, a reset, a service account's
 * new password, a help desk's temporary password), on slapd and on Samba AD: the help desk's
 * channel is alerted with the accounts, the time and the journey from passdesk's own record, the
 * person is told what to do now, it is audited, and nothing changes in the directory.
 */

const LOG_CHANNEL = 'C0HELPLOG';
const OPERATOR = 'U0OLGA';
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const SERVICE_CHOSEN = 'Harbour-Lamp-Quiet-58;Kettle';
const NOT_ME = "This wasn't me";

describe.each(FLAVOURS)('"this wasn\'t me", on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch, { HELPDESK_LOG_CHANNEL: LOG_CHANNEL, HELPDESK_USERS: OPERATOR });
  beforeAll(() => {
    world.harness.slack.setUser(OPERATOR, { real_name: 'Olga Operator', email: 'olga@uni.example' });
  });

  const alerts = () => world.harness.slack.messages.filter((message) => message.channel === LOG_CHANNEL);
  const press = (userId: string, dm: FakeMessage, value?: string) => world.harness.driver.clickButton(userId, {
    ...buttonByText(dm, NOT_ME), ...(value === undefined ? {} : { value }),
    message: { channel: dm.channel, ts: dm.ts, text: dm.text, blocks: dm.blocks },
  });
  const repliesTo = (userId: string) => world.harness.slack.messages.filter((message) => message.userId === userId && !message.blocks);
  /** The next "your password changed" DM (the one with the button) to `userId` after the `since`-th message. */
  const noticeTo = (userId: string, since: number) => world.harness.slack.waitForMessage((message) =>
    message.userId === userId && message.blocks !== undefined && world.harness.slack.messages.indexOf(message) >= since);

  /** Presses the button: one alert naming the accounts and the journey, the person told to call, audited. */
  async function reportNotMe(userId: string, dm: FakeMessage, accounts: string[], via: string): Promise<void> {
    const before = alerts().length;
    const since = world.harness.slack.messages.length;
    await press(userId, dm);
    const alert = await world.harness.slack.waitForMessage((message) =>
      message.channel === LOG_CHANNEL && world.harness.slack.messages.indexOf(message) >= since);
    expect(alert.text).toContain('Password change reported as not theirs');
    for (const account of accounts) expect(alert.text).toContain(account);
    expect(alert.text).toContain(`(${via})`);
    await world.harness.slack.waitForMessage((message) => message.userId === userId && message.text?.includes('Thank you for telling us') === true);
    expect(alerts().length).toBe(before + 1);
    expect(world.auditActions(userId)).toContain('password-changed.not-me ok');
  }

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

  it('is under the DM of a forgotten-password reset too, which it leaves as it was', async () => {
    const { people, user } = await world.newPerson();
    const since = world.harness.slack.messages.length;
    await user.openMenu('reset');
    await world.proveIdentity(user);
    await user.submit([['New password', CHOSEN], ['New password again', CHOSEN]]);

    await reportNotMe(user.id, await noticeTo(user.id, since), [people.staff.username, people.student.username], 'forgot password, SMS code');
    expect(await world.directory.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await world.directory.canBind(people.student.dn, CHOSEN)).toBe(true);
  });

  it("is under the DM of a service account's new password too, which it leaves as it was", async () => {
    const { people, user, tag } = await world.newPerson();
    const service = { username: `${tag}svc`, dn: '' };
    service.dn = await world.directory.addServiceAccount({ username: service.username, password: 'Service-Start-2024-Long-Enough!', ownerDns: [people.staff.dn] });
    const since = world.harness.slack.messages.length;
    await user.openMenu();
    await user.choose('Manage a service account');
    await world.proveIdentity(user);
    await user.submit([['Service account', service.username], ['New password', SERVICE_CHOSEN], ['New password again', SERVICE_CHOSEN]]);

    await reportNotMe(user.id, await noticeTo(user.id, since), [service.username], 'service account reset by its owner');
    expect(await world.directory.canBind(service.dn, SERVICE_CHOSEN)).toBe(true);
  });

  it("is under the DM of a help desk's temporary password too, which stays a temporary one", async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const operator = new SlackUser(world.harness, OPERATOR);
    const since = world.harness.slack.messages.length;
    await operator.runCommand('/temp-password', people.noPhone.username);
    const account = operator.options('Set a temporary password on').find((option) => option.startsWith(`${people.noPhone.username} (`));
    await operator.submit([['Set a temporary password on', [account ?? people.noPhone.username]],
      ['How did you verify the caller?', 'Identity document checked in person'],
      ['How will the person get the password?', 'Show it to me once, here, to read out']]);
    const temporary = /```([^`]+)```/.exec(operator.text())?.[1] ?? '';
    expect(temporary).not.toBe('');

    await reportNotMe(user.id, await noticeTo(user.id, since), [people.noPhone.username], 'help-desk temporary password');
    expect(await world.directory.loginState(people.noPhone.dn, temporary)).toBe('must-change');
  });
});
