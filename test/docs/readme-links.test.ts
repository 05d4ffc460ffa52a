import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The README and the architecture page point only at files in this repository, and those exist. */

const root = resolve(__dirname, '../..');
const pages = ['README.md', 'docs/architecture.md'];

/** Markdown link targets that are not web addresses or anchors in the same page. */
function localTargets(page: string): string[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

describe.each(pages)('%s', (page) => {
  it('links only files inside the repository, and each exists', () => {
    for (const target of localTargets(page)) {
      const path = resolve(dirname(join(root, page)), target);
      expect([target, relative(root, path).startsWith('..')]).toEqual([target, false]);
      expect([target, existsSync(path)]).toEqual([target, true]);
    }
  });
});

it('the README links the architecture page and names no design page outside the repository', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  expect(localTargets('README.md')).toContain('docs/architecture.md');
  expect(readme).not.toMatch(/DESIGN\.md|shared folder/);
});

it('the architecture page covers layers, journeys, ports and adapters, a request\'s path, state, and adding a journey', () => {
  const page = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const headings = [...page.matchAll(/^##+ (.+)$/gm)].map((match) => match[1]);
  expect(headings).toEqual(expect.arrayContaining([
    'Layers', 'Journeys (`src/flows/`)', 'Ports and adapters', 'How a Slack request flows', 'Where state lives', 'Adding a journey',
  ]));
});
