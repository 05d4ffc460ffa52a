/**
 * The help desk's part of the Directory contract, run inside describeDirectoryContract on every
 * adapter: protected accounts (groups outside the people container, nested groups, a group that
 * does not exist), unlocking, and when a password was last set.
 */
import { type Directory, DirectoryError } from '../../src/directory/directory';
import type { TestAccountSpec } from '../harness/directory-server';
import type { ContractBackend } from './contract-backends/contract-backend';

type AddPerson = (overrides?: Partial<TestAccountSpec>) => Promise<TestAccountSpec & { dn: string }>;

export function describeHelpdeskContract(get: () => { backend: ContractBackend; directory: Directory }, addPerson: AddPerson): void {
  describe('help desk: protected accounts', () => {
    it('protects members of a protected group outside the people container, nested ones too, and no one else', async () => {
      const { backend, directory } = get();
      const direct = await addPerson();
      const nested = await addPerson();
      const plain = await addPerson();
      const inner = await backend.addGroup([nested.dn]);
      const group = await backend.addGroup([direct.dn, inner]);
      expect(group.toLowerCase()).not.toContain(backend.peopleDn.toLowerCase());

      await expect(directory.helpdeskProtection(direct.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
      await expect(directory.helpdeskProtection(nested.dn, [group])).resolves.toEqual({ reason: 'protected-group', groupDn: group });
      await expect(directory.helpdeskProtection(plain.dn, [group])).resolves.toBeUndefined();
      await expect(directory.helpdeskProtection(plain.dn, [])).resolves.toBeUndefined();
    });

    it('fails rather than answer "not protected" when a protected group does not exist', async () => {
      const { backend, directory } = get();
      const person = await addPerson();
      const group = await backend.addGroup([person.dn]);
      const missing = `cn=no-such-group-${backend.tag}${group.slice(group.indexOf(','))}`;
      const error = await directory.helpdeskProtection(person.dn, [missing]).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(DirectoryError);
    });
  });

  describe('help desk: unlocking', () => {
    it('clears a lockout after failed logins, so the right password works again', async () => {
      const { backend, directory } = get();
      const person = await addPerson();
      for (let attempt = 0; attempt < backend.lockoutThreshold; attempt += 1) {
        expect(await backend.canBind(person.dn, `Wrong-Guess-${attempt}!x`)).toBe(false);
      }
      await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: true });

      await directory.unlockAccount(person.dn);

      await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: false });
      expect(await backend.canBind(person.dn, person.password)).toBe(true);
    });

    it('leaves an account that is not locked as it is, and answers not-found for one that does not exist', async () => {
      const { backend, directory } = get();
      const person = await addPerson();
      await directory.unlockAccount(person.dn);
      expect(await backend.canBind(person.dn, person.password)).toBe(true);
      const error = await directory.unlockAccount(`cn=nobody-${backend.tag},${backend.peopleDn}`).then(() => undefined, (caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'not-found' });
    });
  });

  describe('help desk: what the operator sees', () => {
    it('tells when the password was last set, as the server records it', async () => {
      const { backend, directory } = get();
      const person = await addPerson();
      await directory.resetPassword(person.dn, 'Quiet-Harbour-58;Lamp');
      const account = await directory.getAccount(person.dn);
      const recorded = await backend.passwordSetAt(person.dn);
      // OpenLDAP records whole seconds, AD 100-nanosecond ticks.
      expect(Math.abs((account?.passwordChangedAt?.getTime() ?? 0) - recorded.getTime())).toBeLessThan(1_000);
    });
  });
}
