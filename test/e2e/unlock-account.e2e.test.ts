import { FLAVOURS, menuWorldFor, PHONE_DIGITS } from './menu-world';

/**
 * "My account is locked" end to end, on slapd and on Samba AD: the identity check and an SMS code,
 * then a lockout after failed logins is cleared and the password is left as it was; a disabled
 * account is refused in words; an account that is not locked is said to be so, and nothing is sent.
 */

/** Both test servers lock an account after 5 wrong passwords. */
const THRESHOLD = 5;

describe.each(FLAVOURS)('my account is locked, on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch);

  async function lockOut(dn: string): Promise<void> {
    for (let i = 0; i < THRESHOLD; i += 1) expect(await world.directory.canBind(dn, `Wrong-Guess-${i}!x`)).toBe(false);
    await expect(world.adapter().getAccount(dn)).resolves.toMatchObject({ locked: true });
  }

  it('clears a lockout after failed logins, with the identity check and an SMS code, and leaves the password as it was', async () => {
    const { people, user } = await world.newPerson();
    await lockOut(people.staff.dn);
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(false);

    await user.openMenu();
    await user.choose('Unlock my account');
    expect(user.labels()).toContain(PHONE_DIGITS);
    await world.proveIdentity(user);

    expect(user.text()).toContain(`Unlocked: ${people.staff.username}.`);
    expect(user.text()).toContain('Your password has not changed');
    await expect(world.adapter().getAccount(people.staff.dn)).resolves.toMatchObject({ locked: false });
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
    expect(world.auditActions(user.id)).toContain('unlock-account.unlocked ok');
  });

  it('refuses a disabled account in words, and unlocks the linked account that is only locked', async () => {
    const { people, user } = await world.newPerson();
    await lockOut(people.staff.dn);
    await world.directory.disable(people.student.dn);

    await user.openMenu('unlock');
    await world.proveIdentity(user);

    expect(user.text()).toContain(`Unlocked: ${people.staff.username}.`);
    expect(user.text()).toContain(`Disabled, so not unlocked (ask the help desk): ${people.student.username}.`);
    await expect(world.adapter().getAccount(people.student.dn)).resolves.toMatchObject({ disabled: true });
  });

  it('refuses a person whose accounts are all disabled, sending nothing', async () => {
    const { user } = await world.newPerson({ slackEmail: (p) => p.disabled.mail });
    const sent = world.harness.twilio.messages.length;
    await user.openMenu('unlock');
    expect(user.text()).toContain('Your account is disabled, so it cannot be unlocked here');
    expect(world.harness.twilio.messages.length).toBe(sent);
  });

  it('says an account that is not locked is not, changing nothing and sending no code', async () => {
    const { people, user } = await world.newPerson();
    const sent = world.harness.twilio.messages.length;
    await user.openMenu('unlock');
    expect(user.text()).toContain('Your account is not locked, so nothing was changed');
    expect(user.labels()).toEqual([]);
    expect(world.harness.twilio.messages.length).toBe(sent);
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
  });
});
