import { FLAVOURS, menuWorldFor } from './menu-world';

/** The `/password` menu itself, on slapd and on Samba AD, read as a person reads it. */

const ENTRIES = ['Forgot my password', 'Change my password', 'Forgot my username', 'Unlock my account'];

describe.each(FLAVOURS)('the /password menu, on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch, { LIMIT_FLOWS_PER_DAY: '2' });

  it('opens before any look-up, then speaks the person\'s language; owners alone see the service-account entry', async () => {
    const { people, user, tag } = await world.newPerson({ locale: 'it-IT' });
    const since = world.harness.slack.calls.length;
    await user.openMenu();
    // views.open comes first: no users.info (nor anything else) before it.
    expect(world.harness.slack.calls.slice(since).map((call) => call.method)[0]).toBe('views.open');
    expect(user.buttons()).toEqual(['Ho dimenticato la password', 'Cambia la password', 'Non ricordo il nome utente', 'Sblocca il mio account']);

    await world.directory.addServiceAccount({ username: `${tag}svc`, password: 'Service-Start-2024-Long!', ownerDns: [people.student.dn] });
    await user.openMenu();
    expect(user.buttons()).toContain('Gestisci un account di servizio');
  });

  it('offers the four entries to everyone, in English by default, and goes straight to one with /password <entry>', async () => {
    const { user } = await world.newPerson();
    await user.openMenu();
    expect(user.buttons()).toEqual(ENTRIES);

    await user.openMenu('username');
    expect(user.view().title.text).toBe('Your usernames');
    await user.openMenu('change');
    expect(user.labels()).toContain('Current password');
  });

  it('looks owners up no more often than the allowance: past it, the menu simply leaves the entry out', async () => {
    const { people, user, tag } = await world.newPerson();
    await world.directory.addServiceAccount({ username: `${tag}svc`, password: 'Service-Start-2024-Long!', ownerDns: [people.staff.dn] });
    for (let i = 0; i < 2; i += 1) {
      await user.openMenu();
      expect(user.buttons()).toContain('Manage a service account');
    }
    await user.openMenu();
    expect(user.buttons()).toEqual(ENTRIES);
  });
});
