import { fillByLabel } from '../harness/slack-driver';
import type { SambaServer } from '../harness/samba';
import { SAMBA_DOMAIN } from '../harness/samba-template';
import type { SlapdServer } from '../harness/slapd';
import { SlackUser } from './slack-user';
import { FLAVOURS, menuWorldFor } from './menu-world';

/**
 * "Change a password I know" end to end, on slapd and on Samba AD, driven by the modal's labels:
 * the current password proves the change, wrong ones are stopped before the directory's lockout
 * threshold (5 on both test servers, so passdesk lets 3 through), must-change is cleared.
 */

const CURRENT = 'Current password';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const CHOSEN = 'Quiet-Harbour-58;Lamp';
const ACCOUNTS = 'Accounts to change';
const currentOf = (username: string) => `Current password of ${username}, if different`;

describe.each(FLAVOURS)('change a password I know, on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch);

  async function openChange(user: SlackUser): Promise<void> {
    await user.openMenu();
    await user.choose('Change my password');
  }

  /** A stricter lockout for one account only: a ppolicy of its own, or a fine-grained policy (PSO). */
  async function lockoutThreshold(dn: string, tag: string, threshold: number): Promise<void> {
    if (flavour === 'OpenLDAP') {
      const server = world.directory as SlapdServer;
      await server.assignPolicy(dn, await server.addPolicy(`strict-${tag}`, { pwdLockout: 'TRUE', pwdMaxFailure: String(threshold) }));
      return;
    }
    await (world.directory as SambaServer).asAdministrator((client) => client.add(`CN=strict-${tag},${SAMBA_DOMAIN.passwordSettingsDn}`, {
      objectClass: 'msDS-PasswordSettings',
      'msDS-PasswordSettingsPrecedence': '10',
      'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
      'msDS-PasswordHistoryLength': '5',
      'msDS-PasswordComplexityEnabled': 'TRUE',
      'msDS-MinimumPasswordLength': '8',
      'msDS-MinimumPasswordAge': '0',
      'msDS-MaximumPasswordAge': '-864000000000000',
      'msDS-LockoutThreshold': String(threshold),
      'msDS-LockoutObservationWindow': '-18000000000',
      'msDS-LockoutDuration': '-18000000000',
      'msDS-PSOAppliesTo': dn,
    }));
  }

  it('changes both linked accounts, each proven by its own current password; the old ones stop working', async () => {
    const { people, user } = await world.newPerson();
    await openChange(user);
    expect(user.labels()).toEqual([ACCOUNTS, CURRENT, currentOf(people.staff.username), currentOf(people.student.username), NEW_PASSWORD, AGAIN]);
    expect(user.text()).toContain('At least 12 characters');

    await user.submit([[CURRENT, people.staff.password], [currentOf(people.student.username), people.student.password],
      [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    expect(user.text()).toContain(`Your password has been changed for: ${people.staff.username}, ${people.student.username}.`);
    expect(await world.directory.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await world.directory.canBind(people.student.dn, CHOSEN)).toBe(true);
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(false);
    expect(await world.directory.canBind(people.student.dn, people.student.password)).toBe(false);
    const dm = await world.harness.slack.waitForMessage(user.id);
    expect(dm.text).toContain('Your password was changed');
    expect(dm.text).not.toContain(CHOSEN);
  });

  it('changes only the accounts the person ticks', async () => {
    const { people, user } = await world.newPerson();
    await user.openMenu('change');
    expect(user.labels()).toContain(ACCOUNTS);

    // AD lists the sign-in name (userPrincipalName) beside the username where it differs.
    const option = flavour === 'OpenLDAP' ? people.staff.username : `${people.staff.username} (${people.staff.username}@uni.example)`;
    await user.submit([[ACCOUNTS, [option]], [CURRENT, people.staff.password], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    expect(user.text()).toContain(`Your password has been changed for: ${people.staff.username}.`);
    expect(await world.directory.canBind(people.staff.dn, CHOSEN)).toBe(true);
    expect(await world.directory.canBind(people.student.dn, people.student.password)).toBe(true);
  });

  it('counts wrong current passwords and stops two tries before the lockout, for an hour, never locking the account', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const dn = people.noPhone.dn;
    await openChange(user);
    const tryCurrent = (current: string) => user.submit([[CURRENT, current], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    await tryCurrent('Wrong-Guess-1!');
    expect(user.view().shownErrors?.current_password).toContain('After 2 more wrong tries, passdesk stops asking for an hour');
    await tryCurrent('Wrong-Guess-2!');
    expect(user.view().shownErrors?.current_password).toContain('After 1 more wrong try');
    await tryCurrent('Wrong-Guess-3!');
    expect(user.view().shownErrors?.current_password).toContain('passdesk will not check its password for the next hour');

    // Stopped: even the right password is not tried, so the directory counts nothing more.
    await tryCurrent(people.noPhone.password);
    expect(user.view().shownErrors?.current_password).toContain('Too many wrong current passwords');
    const status = await world.adapter().lockoutStatus(dn);
    expect(status).toEqual({ threshold: 5, failures: 3 });
    await expect(world.adapter().getAccount(dn)).resolves.toMatchObject({ locked: false });

    // The count lives in the store, across flows and restarts: a new modal is stopped too.
    await world.harness.restart();
    await openChange(user);
    await tryCurrent(people.noPhone.password);
    expect(user.view().shownErrors?.current_password).toContain('Too many wrong current passwords');
    expect(await world.directory.canBind(dn, people.noPhone.password)).toBe(true);
  });

  it("stops as far before the account's own lockout threshold (its ppolicy, or a fine-grained policy on AD)", async () => {
    const { people, user, tag } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const dn = people.noPhone.dn;
    await lockoutThreshold(dn, tag, 3);
    await openChange(user);
    const tryCurrent = (current: string) => user.submit([[CURRENT, current], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    // Locked at the 3rd wrong password: passdesk lets one through, then stops.
    await tryCurrent('Wrong-Guess-1!');
    expect(user.view().shownErrors?.current_password).toContain('passdesk will not check its password for the next hour');
    await tryCurrent(people.noPhone.password);
    expect(user.view().shownErrors?.current_password).toContain('Too many wrong current passwords');
    await expect(world.adapter().lockoutStatus(dn)).resolves.toEqual({ threshold: 3, failures: 1 });
    expect(await world.directory.canBind(dn, people.noPhone.password)).toBe(true);
  });

  it.each([1, 2])('never checks the current password where the policy locks after %i wrong one(s), and says why in words', async (threshold) => {
    const { people, user, tag } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail, locale: 'it-IT' });
    const dn = people.noPhone.dn;
    await lockoutThreshold(dn, tag, threshold);
    await user.openMenu('change');
    const tryCurrent = (current: string) => user.submit([['Password attuale', current], ['Nuova password', CHOSEN], ['Ripeti la nuova password', CHOSEN]]);

    await tryCurrent(people.noPhone.password);

    const shown = user.view().shownErrors?.current_password;
    expect(shown).toContain(`passdesk non può controllare in sicurezza la password attuale di: ${people.noPhone.username}.`);
    expect(shown).toContain('Usa "Ho dimenticato la password" in /password');
    expect(shown).not.toContain('Troppe password attuali errate');
    // Not tried at all: the directory counted nothing, and nothing changed.
    await expect(world.adapter().lockoutStatus(dn)).resolves.toEqual({ threshold, failures: 0 });
    expect(await world.directory.canBind(dn, people.noPhone.password)).toBe(true);
    expect(world.auditActions(user.id)).toContain('change-password.not-checked refused');
  });

  it('lets submissions running at the same time (several modals) past the margin no more than one at a time would', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const views = [];
    for (let i = 0; i < 5; i += 1) {
      await user.openMenu('change');
      views.push(user.view());
    }
    await Promise.all(views.map((view, i) => world.harness.driver.submitView(user.id, view,
      fillByLabel(view, { [CURRENT]: `Wrong-Guess-${i}!`, [NEW_PASSWORD]: CHOSEN, [AGAIN]: CHOSEN }))));

    // Threshold 5: at most 3 wrong binds, however the five submissions interleave.
    const status = await world.adapter().lockoutStatus(people.noPhone.dn);
    expect(status.failures).toBeLessThanOrEqual(3);
    await expect(world.adapter().getAccount(people.noPhone.dn)).resolves.toMatchObject({ locked: false });
    expect(await world.directory.canBind(people.noPhone.dn, people.noPhone.password)).toBe(true);
  });

  it("checks every chosen account's current password before writing: one wrong, nothing changes", async () => {
    const { people, user } = await world.newPerson();
    await openChange(user);
    await user.submit([[CURRENT, people.staff.password], [currentOf(people.student.username), 'Wrong-Student-Guess-1!'],
      [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    expect(user.view().shownErrors?.current_password).toContain(`The current password is not right for: ${people.student.username}.`);
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
    expect(await world.directory.canBind(people.student.dn, people.student.password)).toBe(true);
  });

  it('changes the temporary password of an account that must change it, which clears must-change', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const temporary = 'Temporary-Cup-55!x';
    await world.adapter().setTemporaryPassword(people.noPhone.dn, temporary);
    await expect(world.adapter().getAccount(people.noPhone.dn)).resolves.toMatchObject({ mustChange: true });

    await openChange(user);
    await user.submit([[CURRENT, temporary], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);

    expect(user.text()).toContain('Your password has been changed');
    await expect(world.adapter().getAccount(people.noPhone.dn)).resolves.toMatchObject({ mustChange: false });
    expect(await world.directory.canBind(people.noPhone.dn, CHOSEN)).toBe(true);
  });

  it('names unmet rules and a mismatch, and changes nothing', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    await openChange(user);
    await user.submit([[CURRENT, people.noPhone.password], [NEW_PASSWORD, 'short1'], [AGAIN, 'short1']]);
    expect(user.view().shownErrors?.new_password).toContain('At least 12 characters');
    await user.submit([[CURRENT, people.noPhone.password], [NEW_PASSWORD, CHOSEN], [AGAIN, `${CHOSEN}x`]]);
    expect(user.view().shownErrors?.confirm_password).toContain('not the same');
    expect(await world.directory.canBind(people.noPhone.dn, people.noPhone.password)).toBe(true);
  });

  it('refuses a disabled account in words', async () => {
    const { user } = await world.newPerson({ slackEmail: (p) => p.disabled.mail });
    await openChange(user);
    expect(user.text()).toContain('Your account is disabled');
    expect(user.labels()).toEqual([]);
  });

  it('leaves no password in the logs of a whole change at debug level', async () => {
    const { people, user } = await world.newPerson({ slackEmail: (p) => p.noPhone.mail });
    const sentinel = 'Sentinel-Newpass-77;Zeta';
    const from = world.harness.logs.length;
    await openChange(user);
    await user.submit([[CURRENT, 'Sentinel-Wrong-Current-1!'], [NEW_PASSWORD, sentinel], [AGAIN, sentinel]]);
    await user.submit([[CURRENT, people.noPhone.password], [NEW_PASSWORD, sentinel], [AGAIN, sentinel]]);
    expect(user.text()).toContain('Your password has been changed');
    const logs = world.harness.logs.slice(from).join('\n');
    expect(logs).toContain('"level":"debug"');
    for (const secret of [sentinel, 'Sentinel-Wrong-Current-1!', people.noPhone.password]) expect(logs).not.toContain(secret);
  });
});
