/**
 * People whose passwords expire at known times, for the expiry-reminder tests, seeded on slapd
 * (pwdChangedTime backdated) or on Samba AD (fine-grained policies of chosen maximum ages, read
 * with the journey's clock moved forward: Samba only takes pwdLastSet = now over LDAP).
 *
 * - Jan: staff account in 10 days (minus an hour) and his linked student account in 9 days: one
 *   message listing both;
 * - Anna in 3 days, Piotr in 1 day, Giulia in 4 days under a second policy (another maximum age);
 * - Marco expired 5 days ago (one last notice); Ewa in 2 days but not in Slack (a mail);
 * - nothing for: Olga (expired 40 days ago), Nina and Luca (never expire: on AD by policy and by
 *   the account flag), Dario (disabled), Teresa (must change at next login), Karol (100 days).
 */
import { randomBytes } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import type { TestAccountSpec } from './directory-server';
import type { FakeSlackUser } from './fake-slack';
import { SambaServer } from './samba';
import { SAMBA_DOMAIN } from './samba-template';
import type { SlapdServer } from './slapd';
import { addPolicy, requirePasswordChange, setPasswordChangedTime } from './slapd-expiry';

export const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** userAccountControl bits. */
const NORMAL_ACCOUNT = 0x200;
const DONT_EXPIRE_PASSWD = 0x1_0000;

export type ExpiringKey =
  | 'janStaff' | 'janStudent' | 'anna' | 'piotr' | 'giulia' | 'marco' | 'ewa'
  | 'olga' | 'nina' | 'luca' | 'dario' | 'teresa' | 'karol';

export interface ExpiringPerson {
  spec: TestAccountSpec;
  /** Milliseconds from "now" to the expiry (negative: already expired); null: never expires. */
  expiresInMs: number | null;
  /** AD's two forms of "never": a policy whose maximum age is never (default), or the account flag. */
  neverBy?: 'policy' | 'flag';
  /** Under the second policy (OpenLDAP: another pwdMaxAge; on AD every person has a PSO anyway). */
  secondPolicy?: boolean;
  mustChange?: boolean;
  /** The Slack user found by the account's mail; absent: not in Slack. */
  slack?: { id: string; user: FakeSlackUser };
}

export interface SeededExpiringPerson extends ExpiringPerson {
  dn: string;
}

export type ExpiringPeople = Record<ExpiringKey, SeededExpiringPerson>;

/** Who gets a reminder with REMINDER_DAYS=10,3,1 and REMINDER_EXPIRED_DAYS=30. */
export const REMINDED: ExpiringKey[] = ['janStaff', 'janStudent', 'anna', 'piotr', 'giulia', 'marco', 'ewa'];

export function expiringPeople(tag: string): Record<ExpiringKey, ExpiringPerson> {
  const person = (username: string, givenName: string, sn: string, overrides: Partial<TestAccountSpec> = {}): TestAccountSpec => ({
    username: `${tag}${username}`,
    mail: `${tag}.${username}@uni.example`,
    password: 'Kettle-Drum-48!',
    givenName,
    sn,
    ...overrides,
  });
  const slack = (id: string, locale: string, tz: string, mail: string): ExpiringPerson['slack'] =>
    ({ id, user: { email: mail, locale, tz, real_name: id } });
  const days = (count: number) => count * DAY_MS;
  const jan = person('jkow', 'Jan', 'Kowalski', { linkValue: `${tag}-P1`, phone: '+48600100200' });
  const janStudent = person('s123', 'Jan', 'Kowalski', { linkValue: `${tag}-P1`, mail: `${tag}.s123@student.uni.example`, phone: '+48600100200' });
  const anna = person('anna', 'Anna', 'Rossi');
  const piotr = person('piotr', 'Piotr', 'Nowak');
  const giulia = person('giulia', 'Giulia', 'Bianchi');
  const marco = person('marco', 'Marco', 'Verdi', { phone: '+393331234567' });
  return {
    janStaff: { spec: jan, expiresInMs: days(10) - HOUR_MS, slack: slack('U0JAN', 'pl-PL', 'Europe/Warsaw', jan.mail) },
    janStudent: { spec: janStudent, expiresInMs: days(9) },
    anna: { spec: anna, expiresInMs: days(3), slack: slack('U0ANNA', 'it-IT', 'Europe/Rome', anna.mail) },
    piotr: { spec: piotr, expiresInMs: days(1) - HOUR_MS, slack: slack('U0PIOTR', 'en-GB', 'Europe/London', piotr.mail) },
    giulia: { spec: giulia, expiresInMs: days(4), secondPolicy: true, slack: slack('U0GIULIA', 'it-IT', 'Europe/Rome', giulia.mail) },
    marco: { spec: marco, expiresInMs: -days(5), slack: slack('U0MARCO', 'it-IT', 'Europe/Rome', marco.mail) },
    ewa: { spec: person('ewa', 'Ewa', 'Lis'), expiresInMs: days(2) },
    olga: { spec: person('olga', 'Olga', 'Zielinska'), expiresInMs: -days(40) },
    nina: { spec: person('nina', 'Nina', 'Russo'), expiresInMs: null },
    luca: { spec: person('luca', 'Luca', 'Ferrari'), expiresInMs: null, neverBy: 'flag' },
    dario: { spec: person('dario', 'Dario', 'Greco', { disabled: true }), expiresInMs: days(3) },
    teresa: { spec: person('teresa', 'Teresa', 'Costa'), expiresInMs: days(3), mustChange: true },
    karol: { spec: person('karol', 'Karol', 'Mazur'), expiresInMs: days(100) },
  };
}

/** The Slack users of the cast, for the fake Slack. */
export function slackUsersOf(people: Record<ExpiringKey, ExpiringPerson>): Record<string, FakeSlackUser> {
  const users: Record<string, FakeSlackUser> = {};
  for (const person of Object.values(people)) if (person.slack) users[person.slack.id] = person.slack.user;
  return users;
}

/**
 * On slapd: the default policy (a year), a second policy of 90 days, and the no-expiry policy;
 * pwdChangedTime set so each password expires `expiresInMs` after `now`.
 */
export async function seedExpiringOnSlapd(server: SlapdServer, tag: string, now = new Date()): Promise<ExpiringPeople> {
  const people = expiringPeople(tag);
  const secondPolicyMaxAge = 90 * 24 * 3600;
  const secondPolicyDn = await addPolicy(server, `${tag}-ninety-days`, secondPolicyMaxAge);
  const defaultMaxAge = Number((await server.readAsRoot(server.defaultPolicyDn, ['pwdMaxAge'])).pwdMaxAge?.[0]);
  const seeded: Partial<ExpiringPeople> = {};
  const changedTimes: Array<{ dn: string; at: Date }> = [];
  // Added first, all with a fresh password (nothing due yet); then every expiry set at once, so a
  // bot sweeping meanwhile never finds one of a person's linked accounts due without the other.
  for (const [key, person] of Object.entries(people) as [ExpiringKey, ExpiringPerson][]) {
    const dn = await server.addAccount(person.spec);
    if (person.expiresInMs === null) {
      await server.assignPolicy(dn, server.noExpiryPolicyDn);
    } else {
      if (person.secondPolicy) await server.assignPolicy(dn, secondPolicyDn);
      const maxAgeMs = (person.secondPolicy ? secondPolicyMaxAge : defaultMaxAge) * 1000;
      changedTimes.push({ dn, at: new Date(now.getTime() + person.expiresInMs - maxAgeMs) });
    }
    if (person.mustChange) await requirePasswordChange(server, dn);
    seeded[key] = { ...person, dn };
  }
  await Promise.all(changedTimes.map(({ dn, at }) => setPasswordChangedTime(server, dn, at)));
  return seeded as ExpiringPeople;
}

export interface SambaExpiringSeed {
  people: ExpiringPeople;
  /** A Samba server view whose people (LDAP_BASE_DN) are this seed's own OU, away from other tests' users. */
  server: SambaServer;
  /** How far the journey's clock must be moved forward for the expiries to hold. */
  clockOffsetMs: number;
}

/**
 * On Samba AD: every person in an OU of their own, created now (pwdLastSet = now); with the clock
 * `clockOffsetMs` (80 days) ahead, the domain's 90 days leave Jan 10 days, and a fine-grained policy
 * per person of `80 days + expiresIn` gives the others theirs. Nina's policy never expires, Luca has
 * the "password never expires" flag, Teresa's pwdLastSet is 0 (must change), Dario is disabled.
 */
export async function seedExpiringOnSamba(samba: SambaServer, tag: string, domainMaxAgeDays: number): Promise<SambaExpiringSeed> {
  const people = expiringPeople(tag);
  const clockOffsetMs = 80 * DAY_MS;
  const ou = `OU=${tag}-${randomBytes(3).toString('hex')},${samba.facts.peopleDn}`;
  await samba.asAdministrator((client) => client.add(ou, { objectClass: 'organizationalUnit' }));
  const server = new SambaServer({ ...samba.facts, peopleDn: ou });
  const seeded: Partial<ExpiringPeople> = {};
  for (const [key, person] of Object.entries(people) as [ExpiringKey, ExpiringPerson][]) {
    const createdAt = Date.now();
    const dn = await server.addAccount(person.spec);
    const wantedMaxAgeMs = person.expiresInMs === null ? null : clockOffsetMs + person.expiresInMs + (Date.now() - createdAt);
    const usesDomainPolicy = wantedMaxAgeMs !== null && !person.secondPolicy && Math.abs(wantedMaxAgeMs - domainMaxAgeDays * DAY_MS) <= 2 * HOUR_MS;
    if (person.neverBy === 'flag') {
      await replace(samba, dn, 'userAccountControl', String(NORMAL_ACCOUNT | DONT_EXPIRE_PASSWD));
    } else if (!usesDomainPolicy) {
      await addPso(samba, `${tag}-${key}`, dn, wantedMaxAgeMs);
    }
    if (person.mustChange) await replace(samba, dn, 'pwdLastSet', '0');
    seeded[key] = { ...person, dn };
  }
  return { people: seeded as ExpiringPeople, server, clockOffsetMs };
}

/** A fine-grained password policy for one user; null: the maximum age is "never". */
async function addPso(samba: SambaServer, name: string, appliesTo: string, maxAgeMs: number | null): Promise<void> {
  const never = -0x8000_0000_0000_0000n;
  const maxAge = maxAgeMs === null ? never : -BigInt(Math.round(maxAgeMs)) * 10_000n;
  await samba.asAdministrator((client) => client.add(`CN=${name},${SAMBA_DOMAIN.passwordSettingsDn}`, {
    objectClass: 'msDS-PasswordSettings',
    'msDS-PasswordSettingsPrecedence': '10',
    'msDS-PasswordReversibleEncryptionEnabled': 'FALSE',
    'msDS-PasswordHistoryLength': '0',
    'msDS-PasswordComplexityEnabled': 'TRUE',
    'msDS-MinimumPasswordLength': '8',
    'msDS-MinimumPasswordAge': '0',
    'msDS-MaximumPasswordAge': maxAge.toString(),
    'msDS-LockoutThreshold': '0',
    'msDS-LockoutObservationWindow': '-18000000000',
    'msDS-LockoutDuration': '-18000000000',
    'msDS-PSOAppliesTo': appliesTo,
  }));
}

async function replace(samba: SambaServer, dn: string, type: string, value: string): Promise<void> {
  await samba.asAdministrator((client) => client.modify(dn, new Change({
    operation: 'replace',
    modification: new Attribute({ type, values: [value] }),
  })));
}
