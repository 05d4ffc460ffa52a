import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Attribute, Change, Client } from 'ldapts';
import { ActiveDirectory } from '../../src/directory/ad-directory';
import { POLICY_HINTS_DEPRECATED_OID, POLICY_HINTS_OID } from '../../src/directory/ad-policy-hints-control';
import { fileTimeToDate } from '../../src/directory/ad-time';
import { DirectoryError } from '../../src/directory/directory';
import { LdapConnector } from '../../src/directory/ldap-connector';
import type { TestAccountSpec } from '../harness/directory-server';
import { type SambaServer, connectSamba } from '../harness/samba';
import { SAMBA_PASSWORD_SETTINGS } from '../harness/samba-template';
import { closedPort } from '../harness/tcp-proxy';

const DAY_MS = 24 * 60 * 60 * 1000;
const PASSWORD = 'Kettle-Drum-48!';
const NEW_PASSWORD = 'Lantern-Road-73?';

let samba: SambaServer;
let directory: ActiveDirectory;

const opened: ActiveDirectory[] = [];

beforeAll(async () => {
  samba = await connectSamba();
  directory = adDirectory();
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((each) => each.close()));
});

function adDirectory(overrides: { url?: string; matchProxyAddresses?: boolean; baseDn?: string } = {}): ActiveDirectory {
  const connector = new LdapConnector({
    url: overrides.url ?? samba.env.LDAP_URL,
    caFile: samba.env.LDAP_CA_FILE,
    insecure: false,
    bindDn: samba.env.LDAP_BIND_DN,
    bindPassword: samba.env.LDAP_BIND_PASSWORD,
    timeoutMs: 10_000,
  });
  const created = new ActiveDirectory({
    connector,
    baseDn: overrides.baseDn ?? samba.env.LDAP_BASE_DN,
    mailAttr: samba.env.LDAP_MAIL_ATTR,
    phoneAttr: samba.env.LDAP_PHONE_ATTR,
    linkAttr: samba.env.LDAP_LINK_ATTR,
    matchProxyAddresses: overrides.matchProxyAddresses,
  });
  opened.push(created);
  return created;
}

/** A person with a username unique on the shared DC (sAMAccountName: at most 20 characters). */
function person(overrides: Partial<TestAccountSpec> = {}): TestAccountSpec {
  const username = overrides.username ?? `ad-${randomBytes(5).toString('hex')}`;
  return {
    username,
    mail: `${username}@uni.example`,
    password: PASSWORD,
    givenName: 'Anna',
    sn: 'Nowak',
    phone: '+48600100200',
    ...overrides,
  };
}

async function addPerson(overrides: Partial<TestAccountSpec> = {}): Promise<{ dn: string; spec: TestAccountSpec }> {
  const spec = person(overrides);
  return { dn: await samba.addAccount(spec), spec };
}

async function readAttribute(dn: string, attribute: string): Promise<string | undefined> {
  return samba.asAdministrator(async (client) => {
    const [entry] = (await client.search(dn, { scope: 'base', attributes: [attribute] })).searchEntries;
    const value = entry?.[attribute];
    return typeof value === 'string' ? value : undefined;
  });
}

async function replaceAsAdministrator(dn: string, type: string, values: string[]): Promise<void> {
  await samba.asAdministrator((client) =>
    client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type, values }) })));
}

/** The server's own text when a simple bind is refused. */
async function bindRefusalText(dn: string, password: string): Promise<string> {
  const client = new Client({ url: samba.env.LDAP_URL, tlsOptions: { ca: readFileSync(samba.env.LDAP_CA_FILE) } });
  try {
    await client.bind(dn, password);
    return 'bound';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.unbind();
  }
}

async function refusal(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryError);
  return error as DirectoryError;
}

describe('looking people up', () => {
  it('finds an account by userPrincipalName as well as by sAMAccountName', async () => {
    const { dn, spec } = await addPerson();

    const accounts = await directory.findAccountsByUsername(`${spec.username}@uni.example`);

    expect(accounts.map((account) => account.dn)).toEqual([dn]);
  });

  it('matches Exchange aliases in proxyAddresses only when configured to', async () => {
    const { dn, spec } = await addPerson();
    const alias = `alias-${spec.username}@old.example`;
    await replaceAsAdministrator(dn, 'proxyAddresses', [`SMTP:${spec.mail}`, `smtp:${alias}`]);

    const withProxy = await adDirectory({ matchProxyAddresses: true }).findAccountsByMail(alias);
    const withoutProxy = await directory.findAccountsByMail(alias);

    expect(withProxy.map((account) => account.dn)).toEqual([dn]);
    expect(withProxy[0]!.mail).toBe(spec.mail);
    expect(withoutProxy).toEqual([]);
  });

  it('falls over to the next server of LDAP_URL when the first refuses connections', async () => {
    const { dn, spec } = await addPerson();
    const listed = adDirectory({ url: `ldaps://127.0.0.1:${await closedPort()} ${samba.env.LDAP_URL}` });

    await expect(listed.findAccountsByMail(spec.mail)).resolves.toMatchObject([{ dn }]);
    await expect(listed.verifyPassword(dn, PASSWORD)).resolves.toBe(true);
    await listed.resetPassword(dn, NEW_PASSWORD);
    expect(await samba.canBind(dn, NEW_PASSWORD)).toBe(true);
  });

  it('works over StartTLS as well as LDAPS', async () => {
    const { dn, spec } = await addPerson();

    const accounts = await adDirectory({ url: samba.startTlsUrl }).findAccountsByMail(spec.mail);

    expect(accounts.map((account) => account.dn)).toEqual([dn]);
  });
});

describe('account state', () => {
  it('reports a disabled account (userAccountControl bit 2), whose right password does not count', async () => {
    const { dn } = await addPerson({ disabled: true });

    await expect(directory.getAccount(dn)).resolves.toMatchObject({ disabled: true });
    expect((await refusal(directory.verifyPassword(dn, PASSWORD))).failure).toBe('account-disabled');
    await expect(directory.verifyPassword(dn, 'Wrong-Guess-11')).resolves.toBe(false);
  });

  it('reports an account locked by failed logins, and a reset leaves it locked (the bot never writes lockoutTime)', async () => {
    const { dn } = await addPerson();
    for (let attempt = 0; attempt < SAMBA_PASSWORD_SETTINGS.lockoutThreshold; attempt += 1) {
      expect(await samba.canBind(dn, `Wrong-Guess-${attempt}x`)).toBe(false);
    }

    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: true });
    expect((await refusal(directory.verifyPassword(dn, PASSWORD))).failure).toBe('account-locked');

    await directory.resetPassword(dn, NEW_PASSWORD);
    await expect(directory.getAccount(dn)).resolves.toMatchObject({ locked: true });
    expect(await readAttribute(dn, 'lockoutTime')).not.toBe('0');
  });

  it('honours a fine-grained password policy (PSO) in the expiry', async () => {
    const { dn, spec } = await addPerson();
    const twoDays = -2n * BigInt(DAY_MS) * 10_000n;
    await samba.asAdministrator((client) => client.add(
      `CN=pso-${spec.username},CN=Password Settings Container,CN=System,DC=uni,DC=example`,
      {
        objectClass: 'msDS-PasswordSettings',
        'msDS-PasswordSettingsPrecedence': '10',
        'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
        'msDS-PasswordHistoryLength': '5',
        'msDS-PasswordComplexityEnabled': 'TRUE',
        'msDS-MinimumPasswordLength': '8',
        'msDS-MinimumPasswordAge': '0',
        'msDS-MaximumPasswordAge': twoDays.toString(),
        'msDS-LockoutThreshold': '0',
        'msDS-LockoutObservationWindow': '-18000000000',
        'msDS-LockoutDuration': '-18000000000',
        'msDS-PSOAppliesTo': dn,
      },
    ));
    const setAt = fileTimeToDate(await readAttribute(dn, 'pwdLastSet'))!;

    const account = await directory.getAccount(dn);

    expect(account!.passwordExpiresAt).toEqual(new Date(setAt.getTime() + 2 * DAY_MS));
  });

  it('answers null for a password that never expires (DONT_EXPIRE_PASSWD)', async () => {
    const { dn } = await addPerson();
    await replaceAsAdministrator(dn, 'userAccountControl', [String(0x200 | 0x10000)]);

    await expect(directory.getAccount(dn)).resolves.toMatchObject({ passwordExpiresAt: null });
  });
});

describe('self-service reset', () => {
  it('reports complexity and length refusals as policy reasons, without the password in the message', async () => {
    const { dn } = await addPerson();

    const simple = await refusal(directory.resetPassword(dn, 'onlylowercaseletters'));
    const short = await refusal(directory.resetPassword(dn, 'Ab1!'));

    expect(simple).toMatchObject({ failure: 'policy', policyReasons: ['complexity'] });
    expect(short).toMatchObject({ failure: 'policy', policyReasons: ['too-short'] });
    expect(simple.message).not.toContain('onlylowercaseletters');
    expect(short.message).not.toContain('Ab1!');
    expect(await samba.canBind(dn, PASSWORD)).toBe(true);
  });

  it('cannot enforce history on a reset where the server does not offer the policy hints control (Samba)', async () => {
    const { dn } = await addPerson();
    const supported = await samba.asAdministrator(async (client) => {
      const [rootDse] = (await client.search('', { scope: 'base', attributes: ['supportedControl'] })).searchEntries;
      return ([] as string[]).concat(rootDse?.['supportedControl'] as string[] | string);
    });
    expect(supported).not.toContain(POLICY_HINTS_OID);
    expect(supported).not.toContain(POLICY_HINTS_DEPRECATED_OID);

    await directory.resetPassword(dn, NEW_PASSWORD);
    await directory.resetPassword(dn, PASSWORD);

    // Documented limitation: an administrative reset without the control skips the history.
    expect(await samba.canBind(dn, PASSWORD)).toBe(true);
  });

  it('refuses an account outside the base DN (here the domain Administrator) before sending anything', async () => {
    const failure = await refusal(directory.resetPassword('CN=Administrator,CN=Users,DC=uni,DC=example', NEW_PASSWORD));

    expect(failure.failure).toBe('not-found');
  });

  it('says so when the service account may not reset an account under the base DN', async () => {
    const wide = adDirectory({ baseDn: 'DC=uni,DC=example' });

    const failure = await refusal(wide.resetPassword('CN=Administrator,CN=Users,DC=uni,DC=example', NEW_PASSWORD));

    expect(failure.failure).toBe('insufficient-rights');
  });
});

describe('changing a known password', () => {
  it('refuses a too simple new password as policy "complexity"', async () => {
    const { dn } = await addPerson();

    const failure = await refusal(directory.changePassword(dn, PASSWORD, 'onlylowercaseletters'));

    expect(failure).toMatchObject({ failure: 'policy', policyReasons: ['complexity'] });
  });
});

describe('help desk temporary password', () => {
  it('sets a password that must be changed: binds are refused with data 773, the check still proves it', async () => {
    const { dn } = await addPerson();
    const temporary = 'Temporary-Cup-55';

    await directory.setTemporaryPassword(dn, temporary);

    await expect(directory.getAccount(dn)).resolves.toMatchObject({ mustChange: true, passwordExpiresAt: null });
    expect(await readAttribute(dn, 'pwdLastSet')).toBe('0');
    expect(await bindRefusalText(dn, temporary)).toMatch(/data 773/);
    await expect(directory.verifyPassword(dn, temporary)).resolves.toBe(true);
    await expect(directory.verifyPassword(dn, PASSWORD)).resolves.toBe(false);
  });

});

describe('domain password settings', () => {
  it('reads what samba-tool set on the domain object', async () => {
    await expect(directory.passwordSettings()).resolves.toEqual({
      minLength: SAMBA_PASSWORD_SETTINGS.minLength,
      complexity: SAMBA_PASSWORD_SETTINGS.complexity,
      historyLength: SAMBA_PASSWORD_SETTINGS.historyLength,
    });
  });
});
