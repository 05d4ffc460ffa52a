import { FLAVOURS, menuWorldFor } from './menu-world';

/** "Forgot my username" end to end, on slapd and on Samba AD, read as a person reads the modal. */

describe.each(FLAVOURS)('forgot my username, on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch);

  /** The bullet lines of the modal: one per account shown. */
  const listed = (text: string) => text.split('\n').filter((line) => line.startsWith('•'));

  it("shows exactly the person's usernames with their kind, the service accounts they own, and nobody else's", async () => {
    const { people, user, tag } = await world.newPerson();
    const someoneElse = await world.newPerson();
    await world.directory.addServiceAccount({ username: `${tag}svc`, password: 'Service-Start-2024-Long!', ownerDns: [people.staff.dn] });
    await world.directory.addServiceAccount({ username: `${someoneElse.tag}svc`, password: 'Service-Start-2024-Long!', ownerDns: [someoneElse.people.staff.dn] });
    const smsBefore = world.harness.twilio.messages.length;

    await user.openMenu();
    await user.choose('Forgot my username');

    const lines = listed(user.text());
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`*${people.staff.username}* — staff account`);
    expect(lines[1]).toContain(`*${people.student.username}* — student account`);
    expect(lines[2]).toContain(`*${tag}svc* — service account you look after`);
    if (flavour === 'Active Directory') expect(lines[0]).toContain(`sign in to Microsoft services as ${people.staff.username}@uni.example`);
    for (const other of [someoneElse.people.staff.username, someoneElse.people.student.username, `${someoneElse.tag}svc`, people.noPhone.username]) {
      expect(user.text()).not.toContain(other);
    }
    expect(user.labels()).toEqual([]);
    expect(world.harness.twilio.messages.length).toBe(smsBefore);
    expect(world.auditActions(user.id)).toContain('forgot-username.shown ok');
  });

  it('opens directly with /password username, and names disabled accounts as such, service accounts too', async () => {
    const { people, user, tag } = await world.newPerson();
    await world.directory.disable(people.student.dn);
    await world.directory.addServiceAccount({ username: `${tag}off`, password: 'Service-Start-2024-Long!', ownerDns: [people.staff.dn], disabled: true });
    await user.openMenu('username');
    expect(listed(user.text())).toHaveLength(1);
    expect(listed(user.text())[0]).toContain(people.staff.username);
    expect(user.text()).toContain(`Disabled, so they cannot be used (ask the help desk): ${people.student.username}, ${tag}off`);
  });

  it('refuses in words when every account of the person is disabled', async () => {
    const { user } = await world.newPerson({ slackEmail: (p) => p.disabled.mail });
    await user.openMenu('username');
    expect(user.text()).toContain('Your account is disabled');
    expect(world.auditActions(user.id)).toContain('forgot-username.shown refused');
  });
});
