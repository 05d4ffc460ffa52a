import { readFileSync } from 'node:fs';

/**
 * The server key that hashes SMS codes, password fingerprints and phone numbers in the store.
 * It lives outside the store (PASSDESK_SECRET_KEY, or a file named by PASSDESK_SECRET_KEY_FILE),
 * so that whoever copies the database does not also hold the key to its hashes.
 */

/** 32 characters: the 128 bits of `openssl rand -hex 16`; the README asks for `-hex 32` (64). */
export const MIN_SECRET_KEY_LENGTH = 32;
export const SECRET_KEY_HINT = 'generate one with `openssl rand -hex 32`';

export interface SecretKeyReading {
  key?: string;
  problems: string[];
}

/**
 * Reads the key from the environment. Missing is a problem unless `required` is false (the
 * demo, whose caller passes a key it generated to `startPassdesk`). Problems name the variable,
 * never the key.
 */
export function readSecretKey(env: Record<string, string | undefined>, required: boolean): SecretKeyReading {
  const inline = env.PASSDESK_SECRET_KEY;
  const file = env.PASSDESK_SECRET_KEY_FILE;
  if (inline && file) {
    return { problems: ['PASSDESK_SECRET_KEY_FILE: set it or PASSDESK_SECRET_KEY, not both'] };
  }
  if (file) {
    let key: string;
    try {
      // A key file ends with a newline when written by `openssl rand -hex 32 > file`.
      key = readFileSync(file, 'utf8').trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { problems: [`PASSDESK_SECRET_KEY_FILE: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`}`] };
    }
    const problem = secretKeyProblem('PASSDESK_SECRET_KEY_FILE', key);
    return problem ? { problems: [problem] } : { key, problems: [] };
  }
  if (inline) {
    const problem = secretKeyProblem('PASSDESK_SECRET_KEY', inline);
    return problem ? { problems: [problem] } : { key: inline, problems: [] };
  }
  if (!required) return { problems: [] };
  return { problems: [`PASSDESK_SECRET_KEY: missing (or PASSDESK_SECRET_KEY_FILE); ${SECRET_KEY_HINT}`] };
}

/** Why `key` cannot be the secret key, or undefined when it can. `source` names where it came from. */
export function secretKeyProblem(source: string, key: string): string | undefined {
  if (key.length < MIN_SECRET_KEY_LENGTH) {
    return `${source}: the key is too short (at least ${MIN_SECRET_KEY_LENGTH} characters); ${SECRET_KEY_HINT}`;
  }
  return undefined;
}
