import type { DatabaseSync } from 'node:sqlite';
import { NewerSchemaError } from '../newer-schema-error';

/** Each entry upgrades the schema by one version (PRAGMA user_version). Append only. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE flows (
     key TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     version INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX flows_expiry ON flows (expires_at);
   CREATE TABLE counter_events (key TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX counter_events_key_at ON counter_events (key, at);
   CREATE TABLE once_markers (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     subject TEXT,
     result TEXT NOT NULL,
     detail TEXT,
     request_id TEXT
   );
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_action_at ON audit (action, at);
   CREATE INDEX audit_subject_at ON audit (subject, at);
   CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // The hashing key moved out of the database (PASSDESK_SECRET_KEY): the one kept here goes.
  `DROP TABLE secrets;`,
  // Claims with a lease: 'held' by `owner` until lease_until, or 'done' (kept until keep_until).
  `CREATE TABLE claims (
     key TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     state TEXT NOT NULL,
     lease_until INTEGER NOT NULL,
     keep_until INTEGER NOT NULL
   );`,
];

/** Brings the file's schema up to date; safe when several replicas open a new file at once. */
export function migrate(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    // Read under the write lock: replicas opening a new file at once must not both create the tables.
    const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (current > MIGRATIONS.length) throw new NewerSchemaError(current, MIGRATIONS.length);
    for (let version = current; version < MIGRATIONS.length; version += 1) db.exec(MIGRATIONS[version]);
    if (current < MIGRATIONS.length) db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
