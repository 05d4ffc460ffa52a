import { nodeVersionProblem } from '../../src/ops/runtime/node-version';

describe('the Node.js version passdesk runs on', () => {
  it.each([['22.13.0'], ['v22.13.1'], ['22.20.0'], ['24.21.0'], ['25.0.0']])('accepts %s', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });

  it.each([['20.20.2'], ['v22.12.0'], ['18.19.1']])('refuses %s, naming it and what to do', (version) => {
    expect(nodeVersionProblem(version)).toBe(
      `passdesk needs Node.js 22.13 or later (24 recommended); this is Node.js ${version.replace('v', '')}. ` +
      'A production install (npm ci --omit=dev) runs on the host\'s own node: install Node.js 24 there, or run the container image.',
    );
  });
});
