/**
 * The Directory port's contract, written once and run against every adapter: OpenLDAP on slapd,
 * Active Directory on Samba, and the in-memory directory (see the *-contract.test.ts files).
 * Each test sets up accounts through the backend (as the server's administrator) and checks the
 * outcome with the server's own binds, so an adapter cannot pass by agreeing with itself.
 */
import { randomBytes } from 'node:crypto';
import { type Account, type Directory, DirectoryError, type DirectoryFailure } from '../../src/directory/directory';
import type { TestAccountSpec } from '../harness/directory-server';
import { type SeededPeople, peopleSpecs } from '../harness/people';
import type { ContractBackend } from './contract-backends/contract-backend';
import { describeHelpdeskContract } from './helpdesk-contract';

const NEW_PASSWORD = 'Lantern-Road-73?';
const OTHER_PASSWORD = 'Copper-Kettle-58!';
const TOO_SHORT = 'Ab1!x';

async function failureOf(promise: Promise<unknown>): Promise<DirectoryError> {
  const outcome = await promise.then(() => 'succeeded', (error: unknown) => error);
  if (outcome instanceof DirectoryError) return outcome;
  throw new Error(`expected a DirectoryError, got ${outcome instanceof Error ? outcome.message : String(outcome)}`);
}

async function expectFailure(promise: Promise<unknown>, failure: DirectoryFailure): Promise<DirectoryError> {
  const error = await failureOf(promise);
  expect(error.failure).toBe(failure);
  return error;
}

const dns = (accounts: Account[]) => accounts.map((account) => account.dn.toLowerCase());

export function describeDirectoryContract(name: string, launch: () => Promise<ContractBackend>): void {
  describe(`the Directory contract on ${name}`, () => {
    let backend: ContractBackend;
    let directory: Directory;
    let people: SeededPeople;
    let counter = 0;

    /** A fresh account of its own, with a unique username, mail and link value. */
    async function addPerson(overrides: Partial<TestAccountSpec> = {}, parentDn?: string): Promise<TestAccountSpec & { dn: string }> {
      counter += 1;
      const username = `${backend.tag}p${counter}`;
      const spec: TestAccountSpec = {
        username,
        mail: `${username}@uni.example`,
        password: `Initial-Pass-${counter}!`,
        givenName: 'Maria',
        sn: 'Rossi',
        phone: '+390212345678',
        linkValue: `${backend.tag}-L${counter}`,
        ...overrides,
      };
      return { ...spec, dn: await backend.addAccount(spec, parentDn) };
    }

    beforeAll(async () => {
      backend = await launch();
      directory = backend.directory();
      const specs = peopleSpecs({ tag: backend.tag });
      const seed = async (spec: TestAccountSpec) => ({ ...spec, dn: await backend.addAccount(spec) });
      people = {
        staff: await seed(specs.staff),
        student: await seed(specs.student),
        noPhone: await seed(specs.noPhone),
        disabled: await seed(specs.disabled),
      };
    }, 120_000);

    afterAll(async () => {
      await backend?.close();
    });

    describe('look-ups', () => {
      it('finds accounts by mail without case, the matched one first, then the linked one, once each', async () => {
        const accounts = await directory.findAccountsByMail(people.student.mail.toUpperCase());

        expect(dns(accounts)).toEqual([people.student.dn, people.staff.dn].map((dn) => dn.toLowerCase()));
        expect(accounts[1]).toMatchObject({
          username: people.staff.username,
          displayName: 'Jan Kowalski',
          mail: people.staff.mail,
          phone: people.staff.phone,
          linkValue: people.staff.linkValue,
          disabled: false,
          locked: false,
          mustChange: false,
        });
        expect(accounts[1]!.nameParts).toEqual(expect.arrayContaining(['Jan', 'Kowalski']));
      });

      it('finds accounts by username, with the linked ones', async () => {
        const accounts = await directory.findAccountsByUsername(people.staff.username);

        expect(dns(accounts)).toEqual([people.staff.dn, people.student.dn].map((dn) => dn.toLowerCase()));
      });

      it('says how each account was found: by the value looked up itself, or only through the link', async () => {
        const byMail = await directory.findAccountsByMail(people.student.mail);
        const byUsername = await directory.findAccountsByUsername(people.staff.username);

        expect(byMail.map((account) => [account.dn.toLowerCase(), account.foundBy])).toEqual([
          [people.student.dn.toLowerCase(), 'direct'], [people.staff.dn.toLowerCase(), 'link'],
        ]);
        expect(byUsername.map((account) => [account.dn.toLowerCase(), account.foundBy])).toEqual([
          [people.staff.dn.toLowerCase(), 'direct'], [people.student.dn.toLowerCase(), 'link'],
        ]);
      });

      it('marks every entry the mail itself matches as direct, linked to each other or not', async () => {
        const first = await addPerson();
        const second = await addPerson({ mail: first.mail });

        const accounts = await directory.findAccountsByMail(first.mail);

        expect(accounts.map((account) => [account.dn.toLowerCase(), account.foundBy]).sort()).toEqual([
          [first.dn.toLowerCase(), 'direct'], [second.dn.toLowerCase(), 'direct'],
        ].sort());
      });

      it('reports an account without a phone as having none', async () => {
        const [account] = await directory.findAccountsByMail(people.noPhone.mail);

        expect(account).toMatchObject({ username: people.noPhone.username, phone: undefined });
      });

      it('treats filter syntax as plain text, and a blank value as matching nothing', async () => {
        for (const mail of ['*', '*)(uid=*', `${people.staff.mail})(mail=*`, '*@uni.example', '   ']) {
          await expect(directory.findAccountsByMail(mail)).resolves.toEqual([]);
        }
        await expect(directory.findAccountsByUsername('*')).resolves.toEqual([]);
        await expect(directory.findAccountsByUsername('')).resolves.toEqual([]);
      });

      it('re-reads an account by DN, and answers undefined for a DN that does not exist or is no DN', async () => {
        await expect(directory.getAccount(people.noPhone.dn)).resolves.toMatchObject({ username: people.noPhone.username });
        await expect(directory.getAccount(people.noPhone.dn.replace(people.noPhone.username, `${backend.tag}ghost`)))
          .resolves.toBeUndefined();
        await expect(directory.getAccount('not a DN')).resolves.toBeUndefined();
      });
    });

    describe('usernames are never empty', () => {
      it('does not return an entry without a login name, even one with the same mail and link value', async () => {
        const entryDn = await backend.addEntryWithoutUsername(`${backend.tag}nologin`, people.staff.mail, people.staff.linkValue!);

        const accounts = await directory.findAccountsByMail(people.staff.mail);

        expect(dns(accounts)).toEqual([people.staff.dn, people.student.dn].map((dn) => dn.toLowerCase()));
        for (const account of accounts) expect(account.username).not.toBe('');
        await expect(directory.getAccount(entryDn)).resolves.toBeUndefined();
        await expectFailure(directory.resetPassword(entryDn, NEW_PASSWORD), 'not-found');
      });
    });

    describe('search size limits', () => {
      it('refuses a look-up whose linked accounts exceed the bound, rather than returning some', async () => {
        const bounded = backend.directory({ maxAccounts: 3 });
        const linkValue = `${backend.tag}-many`;
        const first = await addPerson({ linkValue });
        for (let i = 0; i < 3; i += 1) await addPerson({ linkValue });

        await expectFailure(bounded.findAccountsByMail(first.mail), 'too-many-matches');
        await expectFailure(bounded.findAccountsByUsername(first.username), 'too-many-matches');
      });

      it('refuses a look-up whose direct matches exceed the bound', async () => {
        const bounded = backend.directory({ maxAccounts: 3 });
        const mail = `${backend.tag}.shared@uni.example`;
        for (let i = 0; i < 4; i += 1) await addPerson({ mail });

        await expectFailure(bounded.findAccountsByMail(mail), 'too-many-matches');
      });

      it('returns every account when the matches are exactly at the bound', async () => {
        const bounded = backend.directory({ maxAccounts: 3 });
        const linkValue = `${backend.tag}-three`;
        const first = await addPerson({ linkValue });
        await addPerson({ linkValue });
        await addPerson({ linkValue });

        await expect(bounded.findAccountsByMail(first.mail)).resolves.toHaveLength(3);
      });
    });

    describe('base DN confinement', () => {
      let inner: string;
      let narrow: Directory;
      beforeAll(async () => {
        inner = await backend.addContainer(`${backend.tag}inner`);
        narrow = backend.directory({ baseDn: inner });
      });

      it('neither finds nor reads an account outside the base DN, even a linked one', async () => {
        const linkValue = `${backend.tag}-split`;
        const inside = await addPerson({ linkValue }, inner);
        const outside = await addPerson({ linkValue });

        expect(dns(await narrow.findAccountsByMail(inside.mail))).toEqual([inside.dn.toLowerCase()]);
        await expect(narrow.findAccountsByMail(outside.mail)).resolves.toEqual([]);
        await expect(narrow.getAccount(outside.dn)).resolves.toBeUndefined();
      });

      it('refuses every write to an account outside the base DN as not-found, and changes nothing', async () => {
        const outside = await addPerson();

        await expectFailure(narrow.resetPassword(outside.dn, NEW_PASSWORD), 'not-found');
        await expectFailure(narrow.setTemporaryPassword(outside.dn, NEW_PASSWORD), 'not-found');
        await expectFailure(narrow.changePassword(outside.dn, outside.password, NEW_PASSWORD), 'not-found');

        expect(await backend.canBind(outside.dn, outside.password)).toBe(true);
        expect(await backend.canBind(outside.dn, NEW_PASSWORD)).toBe(false);
        await expect(directory.getAccount(outside.dn)).resolves.toMatchObject({ mustChange: false });
      });

      it('refuses to unlock an account outside the base DN as not-found, and leaves it locked', async () => {
        const outside = await addPerson();
        for (let attempt = 0; attempt < backend.lockoutThreshold; attempt += 1) {
          expect(await backend.canBind(outside.dn, `Wrong-Guess-${attempt}!o`)).toBe(false);
        }
        await expect(directory.getAccount(outside.dn)).resolves.toMatchObject({ locked: true });

        await expectFailure(narrow.unlockAccount(outside.dn), 'not-found');

        await expect(directory.getAccount(outside.dn)).resolves.toMatchObject({ locked: true });
        expect(await backend.canBind(outside.dn, outside.password)).toBe(false);
      });

      it('still writes to an account inside its base DN', async () => {
        const inside = await addPerson({}, inner);

        await narrow.resetPassword(inside.dn, NEW_PASSWORD);

        expect(await backend.canBind(inside.dn, NEW_PASSWORD)).toBe(true);
      });
    });

    describe('disabled accounts', () => {
      it('reports the account as disabled, not locked, and its right password as account-disabled', async () => {
        await expect(directory.getAccount(people.disabled.dn)).resolves.toMatchObject({ disabled: true, locked: false });
        await expectFailure(directory.verifyPassword(people.disabled.dn, people.disabled.password), 'account-disabled');
      });

      it('refuses every write as account-disabled before anything is written', async () => {
        const person = await addPerson();
        await backend.setDisabled(person.dn, true);

        await expectFailure(directory.resetPassword(person.dn, NEW_PASSWORD), 'account-disabled');
        await expectFailure(directory.setTemporaryPassword(person.dn, NEW_PASSWORD), 'account-disabled');
        await expectFailure(directory.changePassword(person.dn, person.password, NEW_PASSWORD), 'account-disabled');

        await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ disabled: true, mustChange: false });
        await backend.setDisabled(person.dn, false);
        expect(await backend.canBind(person.dn, person.password)).toBe(true);
        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(false);
      });
    });

    describe('checking a password', () => {
      it('is true for the right password, false for a wrong or empty one or an unknown DN', async () => {
        const person = await addPerson();

        await expect(directory.verifyPassword(person.dn, person.password)).resolves.toBe(true);
        await expect(directory.verifyPassword(person.dn, 'Not-The-Password-1!')).resolves.toBe(false);
        await expect(directory.verifyPassword(person.dn, '')).resolves.toBe(false);
        await expect(directory.verifyPassword(person.dn.replace(person.username, `${backend.tag}ghost`), person.password))
          .resolves.toBe(false);
      });

      it('reports an account locked by failed logins as locked, and its right password as account-locked', async () => {
        const person = await addPerson();
        for (let attempt = 0; attempt < backend.lockoutThreshold; attempt += 1) {
          expect(await backend.canBind(person.dn, `Wrong-Guess-${attempt}!`)).toBe(false);
        }

        await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ locked: true, disabled: false });
        await expectFailure(directory.verifyPassword(person.dn, person.password), 'account-locked');
      });
    });

    describe('password expiry', () => {
      it('is the time the password was last set plus the maximum age', async () => {
        const person = await addPerson();
        const setAt = await backend.passwordSetAt(person.dn);

        const account = await directory.getAccount(person.dn);

        expect(account!.passwordExpiresAt).toEqual(new Date(setAt.getTime() + backend.maxPasswordAgeMs));
      });
    });

    describe('password expiries (the expiry reminders\' search)', () => {
      const collect = async (stream: AsyncIterable<Account>) => {
        const found: Account[] = [];
        for await (const item of stream) found.push(item);
        return found;
      };

      it('streams the enabled accounts whose password expires in the range, with the expiry and the last change; not disabled or must-change ones', async () => {
        const enabled = await addPerson();
        const disabled = await addPerson();
        await backend.setDisabled(disabled.dn, true);
        // Its password set within the same minute, but to be changed at the next login: no reminder.
        const mustChange = await addPerson();
        await directory.setTemporaryPassword(mustChange.dn, NEW_PASSWORD);
        const expiresAt = new Date((await backend.passwordSetAt(enabled.dn)).getTime() + backend.maxPasswordAgeMs);
        const around = { from: new Date(expiresAt.getTime() - 60_000), to: new Date(expiresAt.getTime() + 60_000) };

        const found = await collect(directory.passwordExpiries({ expiringBetween: around }));
        const before = await collect(directory.passwordExpiries({ expiringBetween: { from: around.from, to: new Date(expiresAt.getTime() - 2_000) } }));

        const mine = found.find((account) => account.dn.toLowerCase() === enabled.dn.toLowerCase());
        expect(mine?.passwordExpiresAt).toEqual(expiresAt);
        expect(mine?.passwordChangedAt).toEqual(await backend.passwordSetAt(enabled.dn));
        expect(dns(found)).not.toContain(disabled.dn.toLowerCase());
        expect(dns(found)).not.toContain(mustChange.dn.toLowerCase());
        expect(dns(before)).not.toContain(enabled.dn.toLowerCase());
      });

      it('gives chosen accounts whatever their state', async () => {
        const enabled = await addPerson();
        const disabled = await addPerson();
        await backend.setDisabled(disabled.dn, true);

        const found = await collect(directory.passwordExpiries({ dns: [enabled.dn, disabled.dn] }));

        expect(dns(found).sort()).toEqual([enabled.dn, disabled.dn].map((dn) => dn.toLowerCase()).sort());
        expect(found.find((account) => account.disabled)?.dn.toLowerCase()).toBe(disabled.dn.toLowerCase());
      });
    });

    describe('self-service reset', () => {
      it('sets the new password, retires the old one and leaves no "must change"', async () => {
        const person = await addPerson();

        await directory.resetPassword(person.dn, NEW_PASSWORD);

        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(true);
        expect(await backend.canBind(person.dn, person.password)).toBe(false);
        await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: false });
      });

      it('accepts the DN in another case, as the server compares DNs', async () => {
        const person = await addPerson();

        await directory.resetPassword(person.dn.toUpperCase(), NEW_PASSWORD);

        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(true);
      });

      it('refuses a password shorter than the server minimum as policy / too-short, without the password in the message', async () => {
        const person = await addPerson();

        const error = await expectFailure(directory.resetPassword(person.dn, TOO_SHORT), 'policy');

        expect(error.policyReasons).toEqual(['too-short']);
        expect(error.message).not.toContain(TOO_SHORT);
        expect(await backend.canBind(person.dn, person.password)).toBe(true);
      });
    });

    describe('help desk temporary password', () => {
      it('sets a password that is proven by a check and must be changed at the next login', async () => {
        const person = await addPerson();

        await directory.setTemporaryPassword(person.dn, NEW_PASSWORD);

        await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: true });
        await expect(directory.verifyPassword(person.dn, NEW_PASSWORD)).resolves.toBe(true);
        await expect(directory.verifyPassword(person.dn, person.password)).resolves.toBe(false);
      });

      it('is cleared by the person changing it, and by a self-service reset', async () => {
        const changed = await addPerson();
        const reset = await addPerson();
        await directory.setTemporaryPassword(changed.dn, NEW_PASSWORD);
        await directory.setTemporaryPassword(reset.dn, NEW_PASSWORD);

        await directory.changePassword(changed.dn, NEW_PASSWORD, OTHER_PASSWORD);
        await directory.resetPassword(reset.dn, OTHER_PASSWORD);

        for (const person of [changed, reset]) {
          await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: false });
          expect(await backend.canBind(person.dn, OTHER_PASSWORD)).toBe(true);
        }
      });
    });

    describeHelpdeskContract(() => ({ backend, directory }), addPerson);

    describe('changing a known password', () => {
      it('changes it when the current password is right', async () => {
        const person = await addPerson();

        await directory.changePassword(person.dn, person.password, NEW_PASSWORD);

        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(true);
        expect(await backend.canBind(person.dn, person.password)).toBe(false);
      });

      it('refuses a wrong or empty current password as invalid-credentials and changes nothing', async () => {
        const person = await addPerson();

        const error = await expectFailure(directory.changePassword(person.dn, 'Wrong-Guess-11!', NEW_PASSWORD), 'invalid-credentials');
        await expectFailure(directory.changePassword(person.dn, '', NEW_PASSWORD), 'invalid-credentials');

        expect(error.message).not.toMatch(/Wrong-Guess-11!|Lantern-Road-73\?/);
        expect(await backend.canBind(person.dn, person.password)).toBe(true);
      });

      it('refuses a password from the history as policy / in-history', async () => {
        const person = await addPerson();
        await directory.changePassword(person.dn, person.password, NEW_PASSWORD);

        const error = await expectFailure(directory.changePassword(person.dn, NEW_PASSWORD, person.password), 'policy');

        expect(error.policyReasons).toEqual(['in-history']);
        expect(error.message).not.toContain(person.password);
        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(true);
      });

      it('clears must-change when the person changes the temporary password', async () => {
        const person = await addPerson();
        await directory.setTemporaryPassword(person.dn, OTHER_PASSWORD);

        await directory.changePassword(person.dn, OTHER_PASSWORD, NEW_PASSWORD);

        await expect(directory.getAccount(person.dn)).resolves.toMatchObject({ mustChange: false });
        expect(await backend.canBind(person.dn, NEW_PASSWORD)).toBe(true);
      });
    });

    describe('lockout threshold', () => {
      it("is the server's, with the wrong passwords it has counted", async () => {
        const person = await addPerson();
        await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: backend.lockoutThreshold, failures: 0 });

        await backend.canBind(person.dn, 'Wrong-Guess-1!');
        await backend.canBind(person.dn, 'Wrong-Guess-2!');

        await expect(directory.lockoutStatus(person.dn)).resolves.toEqual({ threshold: backend.lockoutThreshold, failures: 2 });
      });

      it('answers not-found outside the base DN', async () => {
        await expectFailure(directory.lockoutStatus(`cn=${backend.tag}-nobody,${backend.peopleDn}`), 'not-found');
      });
    });

    describe('service accounts', () => {
      const SERVICE_PASSWORD = 'Service-Lantern-2024-Road!';
      let serviceCounter = 0;
      async function addService(ownerDn: string, disabled = false): Promise<{ dn: string; username: string }> {
        serviceCounter += 1;
        const username = `${backend.tag}s${serviceCounter}`;
        return { dn: await backend.addServiceAccount({ username, password: SERVICE_PASSWORD, ownerDns: [ownerDn], disabled }), username };
      }

      it('are found by their owner, and only theirs; never by a filter-shaped DN', async () => {
        const owner = await addPerson();
        const other = await addPerson();
        const mine = await addService(owner.dn);
        await addService(other.dn);

        expect((await directory.findOwnedServiceAccounts([owner.dn])).map((account) => account.username)).toEqual([mine.username]);
        await expect(directory.findOwnedServiceAccounts(['*'])).resolves.toEqual([]);
        await expect(directory.findOwnedServiceAccounts([])).resolves.toEqual([]);
      });

      it('are reset by their owner, refused to anyone else and for people, and never when disabled', async () => {
        const owner = await addPerson();
        const stranger = await addPerson();
        const service = await addService(owner.dn);
        const disabled = await addService(owner.dn, true);

        await expectFailure(directory.resetServiceAccountPassword(service.dn, [stranger.dn], NEW_PASSWORD), 'not-found');
        await expectFailure(directory.resetServiceAccountPassword(stranger.dn, [owner.dn], NEW_PASSWORD), 'not-found');
        await expectFailure(directory.resetServiceAccountPassword(disabled.dn, [owner.dn], NEW_PASSWORD), 'account-disabled');
        expect(await backend.canBind(service.dn, SERVICE_PASSWORD)).toBe(true);

        await directory.resetServiceAccountPassword(service.dn, [owner.dn], NEW_PASSWORD);

        expect(await backend.canBind(service.dn, NEW_PASSWORD)).toBe(true);
        expect(await backend.canBind(service.dn, SERVICE_PASSWORD)).toBe(false);
        expect(await backend.canBind(stranger.dn, stranger.password)).toBe(true);
      });
    });
  });
}

/** A short random tag, so several runs of the suite can share one server (AD usernames: at most 20 characters). */
export function contractTag(): string {
  return `c${randomBytes(3).toString('hex')}`;
}
