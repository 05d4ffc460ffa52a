/**
 * The oldest Node.js passdesk runs on: 22.13 has `node:sqlite` without a flag. `npm ci` brings
 * Node 24 for the npm scripts (the `node` devDependency), but a production install (`npm ci
 * --omit=dev`) runs on the host's own Node, which may be older.
 */
export const OLDEST_NODE = { major: 22, minor: 13 } as const;

/** What to tell the deployer when `version` (e.g. `20.20.2`) is too old; undefined when it will do. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const { major: oldestMajor, minor: oldestMinor } = OLDEST_NODE;
  if (major > oldestMajor || (major === oldestMajor && minor >= oldestMinor)) return undefined;
  return `passdesk needs Node.js ${oldestMajor}.${oldestMinor} or later (24 recommended); this is Node.js ${version.replace(/^v/, '')}. ` +
    'A production install (npm ci --omit=dev) runs on the host\'s own node: install Node.js 24 there, or run the container image.';
}
