/**
 * What the in-memory directory adds to the shared contract (memory-contract.test.ts): seeding from
 * plain data, and the rules that depend on time, checked with a clock moved by hand.
 */
import { DirectoryError, type DirectoryFailure } from '../../src/directory/directory';
import { createMemoryDirectory } from '../../src/directory/memory/memory-directory';
import type { MemoryDirectorySeed, MemoryPerson } from '../../src/directory/memory/memory-people';
import type { Clock } from '../../src/clock/clock';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** A clock that stands still until moved, so expected times are exact. */
class StoppedClock implements Clock {
  private time = new Date('2026-03-01T09:00:00Z').getTime();

  now(): Date {
    return new Date(this.time);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

const jan: MemoryPerson = {
  username: 'jkowalski', mail: 'jan.kowalski@uni.example', password: 'Staff-Start-2024!',
  givenName: 'Jan', sn: 'Kowalski', phone: '+48600100200', linkValue: 'P1001',
};
const janStudent: MemoryPerson = {
  username: 's1234567', mail: 'jan.kowalski@student.uni.example', password: 'Student-Start-2024!',
  givenName: 'Jan', sn: 'Kowalski', phone: '+48600100200', linkValue: 'P1001',
};

async function failure(promise: Promise<unknown>): Promise<DirectoryFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof DirectoryError)) throw new Error('expected a DirectoryError');
  return error.failure;
}

describe('seeding', () => {
  it('takes plain data (it survives JSON), placing people under the base DN by username', async () => {
    const seed: MemoryDirectorySeed = { baseDn: 'ou=people,dc=uni,dc=example', people: [jan, janStudent] };
    const directory = createMemoryDirectory(JSON.parse(JSON.stringify(seed)) as MemoryDirectorySeed);

    const accounts = await directory.findAccountsByMail('JAN.KOWALSKI@UNI.EXAMPLE');

    expect(accounts.map((account) => account.dn)).toEqual([
      'uid=jkowalski,ou=people,dc=uni,dc=example', 'uid=s1234567,ou=people,dc=uni,dc=example',
    ]);
    expect(accounts[0]).toMatchObject({
      username: 'jkowalski', displayName: 'Jan Kowalski', nameParts: ['Jan', 'Kowalski'],
      phone: '+48600100200', linkValue: 'P1001', disabled: false, locked: false, mustChange: false,
    });
    await expect(directory.verifyPassword(accounts[0]!.dn, jan.password)).resolves.toBe(true);
  });

  it('seeds disabled and must-change accounts, and names its own DN when given one', async () => {
    const directory = createMemoryDirectory({
      people: [
        { ...jan, disabled: true },
        { ...janStudent, linkValue: undefined, mustChange: true, dn: 'cn=Jan Kowalski,ou=students,ou=people,dc=example,dc=edu' },
      ],
    });

    await expect(directory.findAccountsByUsername('jkowalski')).resolves.toMatchObject([{ disabled: true }]);
    await expect(directory.findAccountsByUsername('s1234567')).resolves.toMatchObject([
      { dn: 'cn=Jan Kowalski,ou=students,ou=people,dc=example,dc=edu', mustChange: true },
    ]);
  });

  it('refuses a seed it cannot place, naming the problem', () => {
    expect(() => createMemoryDirectory({ people: [jan, jan] })).toThrow(/exists already/);
    expect(() => createMemoryDirectory({ people: [{ ...jan, username: '' }] })).toThrow(/needs a dn/);
    expect(() => createMemoryDirectory({ people: [{ ...jan, passwordSetAt: 'last spring' }] })).toThrow(/not a time/);
  });

  it('keeps no password in clear', () => {
    const directory = createMemoryDirectory({ people: [jan] });

    expect(JSON.stringify(directory.accounts.all())).not.toContain(jan.password);
  });
});

describe('the self-service menu', () => {
  it('seeds the kind of each account and service accounts with their owners, outside the people base', async () => {
    const directory = createMemoryDirectory({
      people: [{ ...jan, kind: 'staff' }, { ...janStudent, kind: 'student' }],
      serviceAccounts: [{ username: 'lab-printer', mail: 'lab@uni.example', password: 'Lab-Printer-Long-2024!', givenName: '', sn: '',
        ownerDns: ['uid=jkowalski,ou=people,dc=example,dc=edu'] }],
    });

    const accounts = await directory.findAccountsByMail(jan.mail);
    expect(accounts.map((account) => [account.username, account.kind])).toEqual([['jkowalski', 'staff'], ['s1234567', 'student']]);
    const owned = await directory.findOwnedServiceAccounts(['UID=jkowalski, ou=people,dc=example,dc=edu']);
    expect(owned.map((account) => account.dn)).toEqual(['uid=lab-printer,ou=service-accounts,dc=example,dc=edu']);
    await expect(directory.findAccountsByMail('lab@uni.example')).resolves.toEqual([]);
  });
});

describe('a temporary lock', () => {
  it('locks after the threshold of failed logins, for the lockout duration', async () => {
    const clock = new StoppedClock();
    const directory = createMemoryDirectory({ people: [jan], policy: { lockoutThreshold: 3, lockoutMinutes: 15 } }, clock);
    const [account] = await directory.findAccountsByUsername('jkowalski');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(directory.verifyPassword(account!.dn, `Wrong-${attempt}`)).resolves.toBe(false);
    }

    await expect(directory.getAccount(account!.dn)).resolves.toMatchObject({ locked: true });
    expect(await failure(directory.verifyPassword(account!.dn, jan.password))).toBe('account-locked');
    expect(await failure(directory.changePassword(account!.dn, jan.password, 'Another-Pass-1!'))).toBe('account-locked');

    clock.advance(16 * MINUTE_MS);
    await expect(directory.getAccount(account!.dn)).resolves.toMatchObject({ locked: false });
    await expect(directory.verifyPassword(account!.dn, jan.password)).resolves.toBe(true);
  });

  it('counts failed logins in a row only: a right password starts the count again', async () => {
    const directory = createMemoryDirectory({ people: [jan], policy: { lockoutThreshold: 3 } });
    const [account] = await directory.findAccountsByUsername('jkowalski');
    for (const password of ['Wrong-1', 'Wrong-2', jan.password, 'Wrong-3', 'Wrong-4']) {
      await directory.verifyPassword(account!.dn, password);
    }

    await expect(directory.getAccount(account!.dn)).resolves.toMatchObject({ locked: false });
  });

  it('is seeded with its end, and a reset leaves it in place (passdesk never clears a lock by writing a password)', async () => {
    const clock = new StoppedClock();
    const lockedUntil = new Date(clock.now().getTime() + 10 * MINUTE_MS).toISOString();
    const directory = createMemoryDirectory({ people: [{ ...jan, lockedUntil }] }, clock);
    const [account] = await directory.findAccountsByUsername('jkowalski');

    await directory.resetPassword(account!.dn, 'Fresh-Password-42!');

    await expect(directory.getAccount(account!.dn)).resolves.toMatchObject({ locked: true });
    clock.advance(11 * MINUTE_MS);
    await expect(directory.verifyPassword(account!.dn, 'Fresh-Password-42!')).resolves.toBe(true);
  });
});

describe('password expiry', () => {
  it('is the time the password was set plus the maximum age; an expired password still proves itself', async () => {
    const clock = new StoppedClock();
    const setAt = new Date(clock.now().getTime() - 400 * DAY_MS);
    const directory = createMemoryDirectory({
      people: [{ ...jan, passwordSetAt: setAt.toISOString() }], policy: { maxAgeDays: 365 },
    }, clock);
    const [account] = await directory.findAccountsByUsername('jkowalski');

    expect(account!.passwordExpiresAt).toEqual(new Date(setAt.getTime() + 365 * DAY_MS));
    await expect(directory.verifyPassword(account!.dn, jan.password)).resolves.toBe(true);

    await directory.changePassword(account!.dn, jan.password, 'Fresh-Password-42!');
    await expect(directory.getAccount(account!.dn)).resolves.toMatchObject({
      passwordExpiresAt: new Date(clock.now().getTime() + 365 * DAY_MS),
    });
  });

  it('is null for a password that never expires, and under a policy without a maximum age', async () => {
    const never = createMemoryDirectory({ people: [{ ...jan, passwordNeverExpires: true }] });
    const noMaxAge = createMemoryDirectory({ people: [jan], policy: { maxAgeDays: 0 } });

    await expect(never.findAccountsByUsername('jkowalski')).resolves.toMatchObject([{ passwordExpiresAt: null }]);
    await expect(noMaxAge.findAccountsByUsername('jkowalski')).resolves.toMatchObject([{ passwordExpiresAt: null }]);
  });
});

describe('the password policy', () => {
  it('refuses only the last N passwords, the current one included', async () => {
    const directory = createMemoryDirectory({ people: [jan], policy: { historyLength: 2 } });
    const [account] = await directory.findAccountsByUsername('jkowalski');
    await directory.changePassword(account!.dn, jan.password, 'Second-Pass-2!');
    await directory.changePassword(account!.dn, 'Second-Pass-2!', 'Third-Pass-3!');

    const refused = await directory.resetPassword(account!.dn, 'Second-Pass-2!').catch((error: unknown) => error);
    await directory.resetPassword(account!.dn, jan.password);

    expect(refused).toMatchObject({ failure: 'policy', policyReasons: ['in-history'] });
    await expect(directory.verifyPassword(account!.dn, jan.password)).resolves.toBe(true);
  });

  it('applies the directory complexity rule when configured, and publishes its settings', async () => {
    const directory = createMemoryDirectory({ people: [jan], policy: { complexity: true, minLength: 10, historyLength: 3 } });
    const [account] = await directory.findAccountsByUsername('jkowalski');

    const refused = await directory.resetPassword(account!.dn, 'lanternroad').catch((error: unknown) => error);

    expect(refused).toMatchObject({ failure: 'policy', policyReasons: ['complexity'] });
    await expect(directory.passwordSettings()).resolves.toEqual({ minLength: 10, historyLength: 3, complexity: true });
  });
});
