import type { FakeSlackUser } from './slack-api/fake-slack';
import type { MemoryPerson } from '../directory/memory/memory-people';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The demo directory's passwords expire this many days after they were set. */
export const DEMO_MAX_AGE_DAYS = 365;

export type DemoRole = 'staff' | 'student' | 'help desk';

/** One person of the demo: a Slack member and their directory account(s). */
export interface DemoPerson {
  slackId: string;
  name: string;
  role: DemoRole;
  /** What the picker says about them beyond the role. */
  note?: string;
  phone?: string;
  slack: FakeSlackUser;
  accounts: MemoryPerson[];
}

/**
 * The seeded people: a staff member with a linked student account, a student with no phone, a
 * help-desk operator, and a staff member whose password expires in a few days. Their passwords
 * are printed at start: they are demo data, never real ones.
 */
export function demoPeople(now: Date): DemoPerson[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return [
    {
      slackId: 'U0ANNA',
      name: 'Anna Rossi',
      role: 'staff',
      note: 'also a student',
      phone: '+393471234567',
      slack: { email: 'anna.rossi@uni.example', real_name: 'Anna Rossi', name: 'anna.rossi', locale: 'en-GB' },
      accounts: [
        {
          username: 'arossi', mail: 'anna.rossi@uni.example', password: 'Staff-Anna-2024!', givenName: 'Anna', sn: 'Rossi',
          phone: '+393471234567', linkValue: 'P1001', passwordSetAt: daysAgo(40),
        },
        {
          username: 's210042', mail: 's210042@studenti.uni.example', password: 'Staff-Anna-2024!', givenName: 'Anna', sn: 'Rossi',
          phone: '+393471234567', linkValue: 'P1001', passwordSetAt: daysAgo(40),
        },
      ],
    },
    {
      slackId: 'U0PIOTR',
      name: 'Piotr Nowak',
      role: 'student',
      note: 'no phone registered',
      slack: { email: 'piotr.nowak@studenti.uni.example', real_name: 'Piotr Nowak', name: 'piotr.nowak', locale: 'pl-PL' },
      accounts: [
        {
          username: 's220117', mail: 'piotr.nowak@studenti.uni.example', password: 'Student-Piotr-2024!', givenName: 'Piotr', sn: 'Nowak',
          linkValue: 'P2002', passwordSetAt: daysAgo(100),
        },
      ],
    },
    {
      slackId: 'U0MARTA',
      name: 'Marta Bianchi',
      role: 'help desk',
      phone: '+393339876543',
      slack: { email: 'marta.bianchi@uni.example', real_name: 'Marta Bianchi', name: 'marta.bianchi', locale: 'it-IT' },
      accounts: [
        {
          username: 'mbianchi', mail: 'marta.bianchi@uni.example', password: 'Helpdesk-Marta-2024!', givenName: 'Marta', sn: 'Bianchi',
          phone: '+393339876543', linkValue: 'P3003', passwordSetAt: daysAgo(10),
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
          phone: '+393401112233', linkValue: 'P4004', passwordSetAt: daysAgo(DEMO_MAX_AGE_DAYS - 5),
        },
      ],
    },
  ];
}
