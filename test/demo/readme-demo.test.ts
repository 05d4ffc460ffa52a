import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccountRows, demoBanner } from '../../src/demo/banner';
import { demoPeople } from '../../src/demo/demo-people';
import { readManifestEntries } from '../../src/demo/simulator/manifest-entries';
import { messagesFor } from '../../src/i18n';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const QUICK_START = README.slice(README.indexOf('## Quick start'), README.indexOf('### Running it for real'));

/**
 * The README's quick start tells a newcomer who the demo people are and what to click for each
 * journey: its table is what `npm run demo` prints, and it names every entry of the /password
 * menu, every command and every global shortcut the app declares.
 */
describe('the README quick start and the demo agree', () => {
  const people = demoPeople(new Date());
  const rows = demoAccountRows(people);

  test('its table of demo people is the demo\'s own: names, roles, usernames, passwords, phones', () => {
    const table = QUICK_START.slice(QUICK_START.indexOf('| person | role |')).split('\n\n')[0]!.split('\n').slice(2);
    expect(table).toEqual(rows.map((row) => `| ${row.person} | ${row.role} | \`${row.username}\` | \`${row.password}\` | ${row.phone} | ${row.note} |`));
  });

  test('the banner prints every one of those accounts, after the simulator\'s URL', () => {
    const banner = demoBanner('http://127.0.0.1:4000/', people).split('\n');
    expect(banner[0]).toContain('http://127.0.0.1:4000/');
    for (const row of rows) {
      expect(banner.some((line) => [row.person, row.role, row.username, row.password, row.phone].every((part) => line.includes(part)))).toBe(true);
    }
  });

  test('it says what to click for every menu entry, command and shortcut', () => {
    for (const entry of Object.values(messagesFor('en').menu.entries)) expect(QUICK_START).toContain(`**${entry.button}**`);
    const { commands, shortcuts } = readManifestEntries();
    for (const { command } of commands) expect(QUICK_START).toContain(`\`${command}`);
    for (const { name } of shortcuts) expect(QUICK_START).toContain(`**${name}**`);
  });
});
