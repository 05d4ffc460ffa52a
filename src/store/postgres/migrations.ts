import type { PoolClient } from 'pg';
import { NewerSchemaError } from '../newer-schema-error';

/** Each entry upgrades the schema by one version (kept in passdesk_schema). Append only. */
const MIGRATIONS: string[] = [
  `CREATE TABLE flows (
     key TEXT PRIMARY KEY,
     data JSONB NOT NULL,
     version INTEGER NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX flows_expiry ON flows (expires_at);
   CREATE TABLE counter_events (key TEXT NOT NULL, at TIMESTAMPTZ NOT NULL);
   CREATE INDEX counter_events_key_at ON counter_events (key, at);
   CREATE INDEX counter_events_at ON counter_events (at);
   CREATE TABLE once_markers (key TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL);
   CREATE TABLE audit (
     id BIGSERIAL PRIMARY KEY,
     at TIMESTAMPTZ NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     subject TEXT,
     result TEXT NOT NULL,
     detail JSONB,
     request_id TEXT
   );
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_action_at ON audit (action, at);
   CREATE INDEX audit_subject_at ON audit (subject, at);`,
  // Claims with a lease: 'held' by `owner` until lease_until, or 'done' (kept until keep_until).
  `CREATE TABLE claims (
     key TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     state TEXT NOT NULL,
     lease_until TIMESTAMPTZ NOT NULL,
     keep_until TIMESTAMPTZ NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Any constant of our own: every replica takes the same advisory lock before migrating. */
const MIGRATION_LOCK = 7_351_202_611;

/**
 * Brings the database's schema up to date in one transaction, under an advisory lock, so
 * replicas starting together migrate once, one after the other. A schema newer than this build
 * knows is refused: an older passdesk must not write into tables it does not understand.
 */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS passdesk_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM passdesk_schema');
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) throw new NewerSchemaError(current, SCHEMA_VERSION);
    for (let version = current; version < SCHEMA_VERSION; version += 1) await client.query(MIGRATIONS[version]);
    if (rows.length === 0) await client.query('INSERT INTO passdesk_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (current < SCHEMA_VERSION) await client.query('UPDATE passdesk_schema SET version = $1', [SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The schema version, read without writing anything; undefined when passdesk never created its tables here. */
export async function readSchemaVersion(db: Pick<PoolClient, 'query'>): Promise<number | undefined> {
  const { rows: [table] } = await db.query<{ found: string | null }>("SELECT to_regclass('passdesk_schema') AS found");
  if (!table?.found) return undefined;
  const { rows } = await db.query<{ version: number }>('SELECT version FROM passdesk_schema');
  return rows[0]?.version ?? 0;
}
