import { resolve } from 'node:path';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

export const DEFAULT_DATABASE_PATH = './data/passdesk.sqlite';

/**
 * `DATABASE_URL`: unset → `./data/passdesk.sqlite`; `sqlite:path`, `sqlite:///abs/path`,
 * `file:path` or a bare path → a SQLite file.
 */
export function openStore(databaseUrl: string | undefined): Store {
  return SqliteStore.open(sqlitePathOf(databaseUrl ?? DEFAULT_DATABASE_PATH));
}

export function sqlitePathOf(databaseUrl: string): string {
  const url = databaseUrl.trim();
  if (/^postgres(ql)?:/i.test(url)) {
    throw new Error('DATABASE_URL: a PostgreSQL store is not available in this version; use a SQLite file (sqlite:path)');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') {
    const rest = url.slice(scheme.length + 1);
    // sqlite:///abs/path and file:///abs/path are absolute; sqlite:relative/path is relative.
    return resolve(rest.startsWith('//') ? rest.slice(2) : rest);
  }
  if (scheme && scheme.length > 1) {
    throw new Error(`DATABASE_URL: unsupported scheme "${scheme}:"; use sqlite:path, file:path or a file path`);
  }
  return resolve(url);
}
