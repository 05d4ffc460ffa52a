import type { FakeSlackUser } from './slack-api/fake-slack';
import type { MemoryPerson } from '../directory/memory/memory-people';
import { DEMO_BASE_DN } from './demo-config';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** The demo directory's passwords expire this many days after they were set. */
export const DEMO_MAX_AGE_DAYS = 365;
/** Wrong passwords in a row that lock a demo account, and for how long (as an AD lockout policy). */
export const DEMO_LOCKOUT = { threshold: 5, minutes: 24 * 60 } as const;

export type DemoRole = 'staff' | 'student' | 'help desk';

/** One person of the demo: a Slack member and their directory account(s). */
export interface DemoPerson {
  slackId: string;
  name: string;
  role: DemoRole;
  /** What the picker and the banner say about them beyond the role. */
  note?: string;
  phone?: string;
  slack: FakeSlackUser;
  accounts: MemoryPerson[];
  /** Service (impersonal) accounts this person owns. */
  serviceAccounts?: MemoryPerson[];
}

/** The DN the in-memory directory gives a person's account (`uid=<username>` under the base). */
function personDn(username: string): string {
  return `uid=${username},${DEMO_BASE_DN}`;
}

/**
 * The seeded people, one for each thing worth showing: a staff member with a linked student
 * account who owns a service account, a student with no phone (the help desk's case), a
 * help-desk operator, a staff member whose password expires in a few days, and a student locked
 * out by wrong passwords. Their passwords are printed at start: demo data, never real ones.
 */
export function demoPeople(now: Date): DemoPerson[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return [
    {
      slackId: 'U0ANNA',
      name: 'Anna Rossi',
      role: 'staff',
      note: 'also a student; owns a service account',
      phone: '+393471234567',
      slack: { email: 'anna.rossi@uni.example', real_name: 'Anna Rossi', name: 'anna.rossi', locale: 'en-GB' },
      accounts: [
        {
          username: 'arossi', mail: 'anna.rossi@uni.example', password: 'Staff-Anna-2024!', givenName: 'Anna', sn: 'Rossi',
          phone: '+393471234567', linkValue: 'P1001', passwordSetAt: daysAgo(40), kind: 'staff',
        },
        {
          username: 's210042', mail: 's210042@studenti.uni.example', password: 'Staff-Anna-2024!', givenName: 'Anna', sn: 'Rossi',
          phone: '+393471234567', linkValue: 'P1001', passwordSetAt: daysAgo(40), kind: 'student',
        },
      ],
      serviceAccounts: [
        {
          username: 'svc-chemlab', mail: 'chemlab@uni.example', password: 'Chem-Lab-Instruments-2024!', givenName: 'Chemistry',
          sn: 'Lab', displayName: 'Chemistry lab instruments', passwordSetAt: daysAgo(200), passwordNeverExpires: true,
          ownerDns: [personDn('arossi')],
        },
      ],
    },
    {
      slackId: 'U0PIOTR',
      name: 'Piotr Nowak',
      role: 'student',
      note: 'no phone: a help-desk case; Slack in Polish',
      slack: { email: 'piotr.nowak@studenti.uni.example', real_name: 'Piotr Nowak', name: 'piotr.nowak', locale: 'pl-PL' },
      accounts: [
        {
          username: 's220117', mail: 'piotr.nowak@studenti.uni.example', password: 'Student-Piotr-2024!', givenName: 'Piotr', sn: 'Nowak',
          linkValue: 'P2002', passwordSetAt: daysAgo(100), kind: 'student',
        },
      ],
    },
    {
      slackId: 'U0MARTA',
      name: 'Marta Bianchi',
      role: 'help desk',
      note: 'may use /temp-password',
      phone: '+393339876543',
      slack: { email: 'marta.bianchi@uni.example', real_name: 'Marta Bianchi', name: 'marta.bianchi', locale: 'en-GB' },
      accounts: [
        {
          username: 'mbianchi', mail: 'marta.bianchi@uni.example', password: 'Helpdesk-Marta-2024!', givenName: 'Marta', sn: 'Bianchi',
          phone: '+393339876543', linkValue: 'P3003', passwordSetAt: daysAgo(10), kind: 'staff',
        },
      ],
    },
    {
      slackId: 'U0LUCA',
      name: 'Luca Verdi',
      role: 'staff',
      note: 'password expires in 5 days',
      phone: '+393401112233',
      slack: { email: 'luca.verdi@uni.example', real_name: 'Luca Verdi', name: 'luca.verdi', locale: 'en-US' },
      accounts: [
        {
          username: 'lverdi', mail: 'luca.verdi@uni.example', password: 'Staff-Luca-2024!', givenName: 'Luca', sn: 'Verdi',
          phone: '+393401112233', linkValue: 'P4004', passwordSetAt: daysAgo(DEMO_MAX_AGE_DAYS - 5), kind: 'staff',
        },
      ],
    },
    {
      slackId: 'U0GIULIA',
      name: 'Giulia Ferri',
      role: 'student',
      note: 'locked out after too many wrong passwords',
      phone: '+393405556677',
      slack: { email: 'giulia.ferri@studenti.uni.example', real_name: 'Giulia Ferri', name: 'giulia.ferri', locale: 'en-GB' },
      accounts: [
        {
          username: 's230051', mail: 'giulia.ferri@studenti.uni.example', password: 'Student-Giulia-2024!', givenName: 'Giulia', sn: 'Ferri',
          phone: '+393405556677', linkValue: 'P5005', passwordSetAt: daysAgo(60), kind: 'student',
          // Locked as the directory locks after DEMO_LOCKOUT.threshold wrong passwords: just now, for the lockout's length.
          lockedUntil: new Date(now.getTime() + DEMO_LOCKOUT.minutes * MINUTE_MS).toISOString(),
        },
      ],
    },
  ];
}
