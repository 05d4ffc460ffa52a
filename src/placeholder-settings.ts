/**
 * Values `.env.example` ships as placeholders. A deployer who copies the file and forgets one
 * should hear which setting it is at start, not meet a confusing failure later (an SMTP relay
 * at example.edu, a token Slack refuses as `invalid_auth`).
 */
const PLACEHOLDERS: RegExp[] = [
  /\byour-[a-z-]*(token|secret)\b/i, // xoxb-your-bot-token, xapp-your-app-token
  /^change-me$/i,
  /x{16,}/i, // ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
  /\bexample\.edu\b/i, // hosts and mail addresses
  /dc=example,\s*dc=edu/i, // DNs
];

/** One problem per setting (among `names`) that still holds a placeholder; never the value itself. */
export function placeholderProblems(env: Record<string, string | undefined>, names: readonly string[]): string[] {
  return names
    .filter((name) => {
      const value = env[name];
      return value !== undefined && PLACEHOLDERS.some((pattern) => pattern.test(value));
    })
    .map((name) => `${name}: still the placeholder from .env.example; put your own value here`);
}
