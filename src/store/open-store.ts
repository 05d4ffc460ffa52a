import { resolve } from 'node:path';
import { PostgresStore } from './postgres/postgres-store';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

export const DEFAULT_DATABASE_PATH = './data/passdesk.sqlite';

/**
 * `DATABASE_URL`: unset → `./data/passdesk.sqlite`; `sqlite:path`, `sqlite:///abs/path`,
 * `file:path` or a bare path → a SQLite file; `postgres://…` or `postgresql://…` → PostgreSQL
 * (several replicas share it). Either is migrated before it is returned.
 */
export async function openStore(databaseUrl: string | undefined): Promise<Store> {
  const url = (databaseUrl ?? DEFAULT_DATABASE_PATH).trim();
  if (isPostgresUrl(url)) return PostgresStore.open(url);
  return SqliteStore.open(sqlitePathOf(url));
}

/** For readers (`npm run audit`): the store in `databaseUrl` as it is, never created or migrated. */
export async function openStoreForReading(databaseUrl: string | undefined): Promise<Store> {
  const url = (databaseUrl ?? DEFAULT_DATABASE_PATH).trim();
  if (isPostgresUrl(url)) return PostgresStore.openForReading(url);
  return SqliteStore.openForReading(sqlitePathOf(url));
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl.trim());
}

export function sqlitePathOf(databaseUrl: string): string {
  const url = databaseUrl.trim();
  if (isPostgresUrl(url)) throw new Error('DATABASE_URL: a PostgreSQL URL, not a SQLite file');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') {
    const rest = url.slice(scheme.length + 1);
    // sqlite:///abs/path and file:///abs/path are absolute; sqlite:relative/path is relative.
    return resolve(rest.startsWith('//') ? rest.slice(2) : rest);
  }
  if (scheme && scheme.length > 1) {
    throw new Error(`DATABASE_URL: unsupported scheme "${scheme}:"; use postgres://…, sqlite:path, file:path or a file path`);
  }
  return resolve(url);
}
