import { Attribute, Change } from 'ldapts';
import { fillByLabel } from '../harness/slack-driver';
import type { SambaServer } from '../harness/samba';
import type { SlapdServer } from '../harness/slapd';
import { JAN_PHONE, type SeededPeople } from '../harness/people';
import type { SlackUser } from './slack-user';
import { FLAVOURS, menuWorldFor } from './menu-world';

/**
 * "Manage a service account" end to end, on slapd and on Samba AD: only owners see the entry;
 * the owner, proven by the identity check and an SMS code to their own phone, sets the service
 * account's password under its own policy; nobody reaches one they do not own.
 */

const SERVICE = 'Service account';
const NEW_PASSWORD = 'New password';
const AGAIN = 'New password again';
const SERVICE_START = 'Service-Start-2024-Long-Enough!';
const CHOSEN = 'Harbour-Lamp-Quiet-58;Kettle';

describe.each(FLAVOURS)('manage a service account, on %s', (flavour, launch) => {
  const world = menuWorldFor(flavour, launch);

  async function ownerWithService(): Promise<{ people: SeededPeople; user: SlackUser; service: { dn: string; username: string } }> {
    const { people, user, tag } = await world.newPerson();
    const username = `${tag}svc`;
    const dn = await world.directory.addServiceAccount({ username, password: SERVICE_START, ownerDns: [people.staff.dn] });
    return { people, user, service: { dn, username } };
  }

  /** Menu, entry, identity and code (to the owner's own phone): the modal then asks which account and its new password. */
  async function reachNewPassword(user: SlackUser): Promise<void> {
    await user.openMenu();
    await user.choose('Manage a service account');
    expect(await world.proveIdentity(user)).toBe(JAN_PHONE);
  }

  async function replaceOwner(dn: string, ownerDn: string): Promise<void> {
    if (flavour === 'OpenLDAP') {
      await (world.directory as SlapdServer).modifyAsRoot(dn, 'owner', [ownerDn]);
    } else {
      await (world.directory as SambaServer).asAdministrator((client) => client.modify(dn, new Change({
        operation: 'replace', modification: new Attribute({ type: 'manager', values: [ownerDn] }),
      })));
    }
  }

  it('is offered only to owners, and lets the owner set a new password under the service policy', async () => {
    const { people, user, service } = await ownerWithService();
    const notOwner = await world.newPerson();
    await notOwner.user.openMenu();
    expect(notOwner.user.buttons()).not.toContain('Manage a service account');
    const from = world.harness.logs.length;

    await reachNewPassword(user);
    expect(user.labels()).toEqual([SERVICE, NEW_PASSWORD, AGAIN]);
    expect(user.text()).toContain('At least 20 characters');

    await user.submit([[SERVICE, service.username], [NEW_PASSWORD, 'Short-But-Fine-58;'], [AGAIN, 'Short-But-Fine-58;']]);
    expect(user.view().shownErrors?.new_password).toContain('At least 20 characters');
    expect(await world.directory.canBind(service.dn, SERVICE_START)).toBe(true);
    // The checklist's "your username" and "your name" are the owner's, and they are checked too.
    for (const personal of [`Kowalski-Harbour-Lamp-58;Kettle`, `${people.student.username}-Harbour-Lamp-58;`, `${service.username}-Harbour-Lamp-58;`]) {
      await user.submit([[SERVICE, service.username], [NEW_PASSWORD, personal], [AGAIN, personal]]);
      expect(user.view().shownErrors?.new_password).toMatch(/Must not contain your (name|username)/);
    }
    expect(await world.directory.canBind(service.dn, SERVICE_START)).toBe(true);

    await user.submit([[SERVICE, service.username], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.text()).toContain(`The password of the service account ${service.username} has been set`);
    expect(await world.directory.canBind(service.dn, CHOSEN)).toBe(true);
    expect(await world.directory.canBind(service.dn, SERVICE_START)).toBe(false);
    // Never changed with the owner's own accounts.
    expect(await world.directory.canBind(people.staff.dn, people.staff.password)).toBe(true);
    expect(await world.directory.canBind(people.student.dn, people.student.password)).toBe(true);
    const dm = await world.harness.slack.waitForMessage(user.id);
    expect(dm.text).toContain(service.username);
    expect(world.auditActions(user.id)).toContain('service-account.password-changed ok');
    // The whole journey ran at debug level: no password in the logs, refused or set.
    const logs = world.harness.logs.slice(from).join('\n');
    expect(logs).toContain('"level":"debug"');
    for (const secret of [CHOSEN, 'Short-But-Fine-58;']) expect(logs).not.toContain(secret);
  });

  it("refuses a replayed payload naming another account, and one whose owner changed meanwhile, changing nothing", async () => {
    const { user, service } = await ownerWithService();
    const other = await ownerWithService();
    await reachNewPassword(user);

    // A forged choice: the DN of someone else's service account, then a position the flow never offered.
    const view = user.view();
    for (const forged of [other.service.dn, '7']) {
      const values = fillByLabel(view, { [NEW_PASSWORD]: CHOSEN, [AGAIN]: CHOSEN });
      values.service_account = { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'x' }, value: forged } } };
      await world.harness.driver.submitView(user.id, view, values);
      expect(user.view().shownErrors?.service_account).toContain('Choose one of your service accounts');
    }
    expect(await world.directory.canBind(other.service.dn, SERVICE_START)).toBe(true);

    await replaceOwner(service.dn, other.people.staff.dn);
    await user.submit([[SERVICE, service.username], [NEW_PASSWORD, CHOSEN], [AGAIN, CHOSEN]]);
    expect(user.view().shownErrors?.service_account).toContain('no longer lists you as responsible');
    expect(await world.directory.canBind(service.dn, SERVICE_START)).toBe(true);
  });

  it('says so when the person owns no service account', async () => {
    const { user } = await world.newPerson();
    await user.openMenu();
    // The entry is not offered; its action replayed still finds nothing to manage.
    await world.harness.driver.clickButton(user.id, { actionId: 'password-menu.service-account', blockId: 'menu_service-account', view: user.view() });
    await world.harness.slack.waitForCall('views.update', { where: (call) => (call.args.view as { callback_id?: string })?.callback_id === 'service-account.finished' });
    expect(user.text()).toContain('The directory lists no service account you are responsible for');
  });
});
