/**
 * What passdesk checks before it takes any work: the directory bind, the SMTP connection and
 * the Slack token. Every failure is reported at once, each named plainly
 * (`directory: bind refused for LDAP_BIND_DN`), never as a bare `fetch failed`.
 */

export interface StartupCheck {
  /** What is checked: `directory`, `mail`, `slack`. */
  name: string;
  /** Throws an Error whose message says what is wrong and which setting to look at, never a value. */
  run(): Promise<void>;
}

export class StartupCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(`passdesk cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'StartupCheckError';
  }
}

export async function runStartupChecks(checks: StartupCheck[]): Promise<void> {
  const outcomes = await Promise.all(checks.map(async (check) => {
    try {
      await check.run();
      return undefined;
    } catch (error) {
      return `${check.name}: ${error instanceof Error ? error.message : 'check failed'}`;
    }
  }));
  const problems = outcomes.filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new StartupCheckError(problems);
}

/** The first of these Node network codes in an error or its causes, if any. */
export function networkCodeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, cause, original, message } = error as { code?: unknown; cause?: unknown; original?: unknown; message?: unknown };
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code) && code !== 'ECONNECTION' && code !== 'ESOCKET') return code;
  const inMessage = typeof message === 'string' ? /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)\b/.exec(message) : null;
  return networkCodeOf(cause, depth + 1) ?? networkCodeOf(original, depth + 1) ?? inMessage?.[1];
}
