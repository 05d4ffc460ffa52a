import { nodeVersionProblem } from './node-version';

/**
 * Imported first by every entry point (`dist/main.js`, `dist/cli/audit.js`): on an older Node the
 * process stops here with one plain line, before any module that needs a newer one (node:sqlite)
 * is loaded and fails with a stack trace.
 */
const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
