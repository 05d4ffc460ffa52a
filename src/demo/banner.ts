import type { DemoPerson } from './demo-people';

/** One row of the printed table: a demo account and whose it is. */
export interface DemoAccountRow {
  person: string;
  role: string;
  username: string;
  password: string;
  phone: string;
  note: string;
}

/** Every account of the demo, people's own first, with the words the banner and the README use. */
export function demoAccountRows(people: DemoPerson[]): DemoAccountRow[] {
  return people.flatMap((person) => [
    ...person.accounts.map((account, index) => ({
      person: index === 0 ? person.name : '',
      role: index === 0 ? person.role : (account.kind ?? 'linked'),
      username: account.username,
      password: account.password,
      phone: index === 0 ? (person.phone ?? 'no phone') : '',
      note: index === 0 ? (person.note ?? '') : `linked to ${person.accounts[0]!.username}`,
    })),
    ...(person.serviceAccounts ?? []).map((service) => ({
      person: '',
      role: 'service',
      username: service.username,
      password: service.password,
      phone: '',
      note: `service account owned by ${person.name}`,
    })),
  ]);
}

/** What `npm run demo` prints: the simulator's URL first, the demo people, then what to try. */
export function demoBanner(url: string, people: DemoPerson[]): string {
  const rows = demoAccountRows(people);
  const width = (pick: (row: DemoAccountRow) => string) => Math.max(...rows.map((row) => pick(row).length));
  const columns: ((row: DemoAccountRow) => string)[] = [(r) => r.person, (r) => r.role, (r) => r.username, (r) => r.password, (r) => r.phone];
  const widths = columns.map(width);
  const table = rows.map((row) => `  ${columns.map((pick, at) => pick(row).padEnd(widths[at]!)).join('  ')}  ${row.note}`.trimEnd());
  const operator = people.find((person) => person.role === 'help desk')?.name ?? 'the help-desk operator';
  return [
    `passdesk demo: open ${url} in your browser`,
    '',
    'Demo people (usernames and passwords for the "Try a login" panel):',
    ...table,
    '',
    'Pick who you are in "Who are you", then type in the Message box:',
    '  /password        the menu: forgot my password, change my password, forgot my username,',
    '                   unlock my account, and manage a service account for its owner',
    `  /temp-password   as ${operator} (help desk): issue a temporary password`,
    'SMS codes appear in the SMS panel, notices in Direct messages and Mail. Ctrl-C stops the demo.',
    '',
  ].join('\n');
}
