/**
 * The people of the journeys, flavour-neutral: the same specs seed slapd and Samba AD.
 *
 * - Jan Kowalski has a staff and a student account (different usernames and mails), joined by
 *   the link value; both carry his phone. Changing "his password" changes both.
 * - Anna Nowak has one account and no registered phone (the SMS journey must refuse her).
 * - Zofia Wiśniewska's account is disabled.
 *
 * Passwords meet passdesk's own policy and the servers' (length 12+, upper, lower, digit, special).
 */
import type { TestAccountSpec, TestDirectoryServer } from './directory-server';

export const JAN_PHONE = '+48600100200';

export interface SeededAccount extends TestAccountSpec {
  dn: string;
}

export interface SeededPeople {
  /** Jan's staff account (listed first when he starts from the staff mail). */
  staff: SeededAccount;
  /** Jan's student account, linked to `staff`. */
  student: SeededAccount;
  /** Anna: no phone registered. */
  noPhone: SeededAccount;
  /** Zofia: the account is disabled. */
  disabled: SeededAccount;
}

export interface SeedOptions {
  /**
   * Prefix making usernames, mails and link values unique, to seed the same people twice on one
   * server (e.g. one set per test). Keep it short: AD usernames are at most 20 characters.
   */
  tag?: string;
}

export function peopleSpecs(options: SeedOptions = {}): Record<keyof SeededPeople, TestAccountSpec> {
  const tag = options.tag;
  const username = (name: string) => (tag ? `${tag}${name}` : name);
  const mail = (address: string) => (tag ? `${tag}.${address}` : address);
  const link = (value: string) => (tag ? `${tag}-${value}` : value);
  return {
    staff: {
      username: username('jkowalski'),
      mail: mail('jan.kowalski@uni.example'),
      password: 'Staff-Start-2024!',
      givenName: 'Jan',
      sn: 'Kowalski',
      phone: JAN_PHONE,
      linkValue: link('P1001'),
      kind: 'staff',
    },
    student: {
      username: username('s1234567'),
      mail: mail('jan.kowalski@student.uni.example'),
      password: 'Student-Start-2024!',
      givenName: 'Jan',
      sn: 'Kowalski',
      phone: JAN_PHONE,
      linkValue: link('P1001'),
      kind: 'student',
    },
    noPhone: {
      username: username('anowak'),
      mail: mail('anna.nowak@uni.example'),
      password: 'Anna-Start-2024!',
      givenName: 'Anna',
      sn: 'Nowak',
      linkValue: link('P1002'),
    },
    disabled: {
      username: username('zwisniewska'),
      mail: mail('zofia.wisniewska@uni.example'),
      password: 'Zofia-Start-2024!',
      givenName: 'Zofia',
      sn: 'Wiśniewska',
      phone: '+48600300400',
      linkValue: link('P1003'),
      disabled: true,
    },
  };
}

/** Creates the journey people on `server` and returns their specs with their DNs. */
export async function seedPeople(server: TestDirectoryServer, options: SeedOptions = {}): Promise<SeededPeople> {
  const specs = peopleSpecs(options);
  const seed = async (spec: TestAccountSpec): Promise<SeededAccount> => ({ ...spec, dn: await server.addAccount(spec) });
  return {
    staff: await seed(specs.staff),
    student: await seed(specs.student),
    noPhone: await seed(specs.noPhone),
    disabled: await seed(specs.disabled),
  };
}
