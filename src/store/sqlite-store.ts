import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { AuditEvent, AuditQuery, Json, Store, StoredFlow } from './store';

/** Each entry upgrades the schema by one version (PRAGMA user_version). Append only. */
const MIGRATIONS: string[] = [
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
];

interface AuditRow {
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  result: string;
  detail: string | null;
  request_id: string | null;
}

/**
 * The default store: one SQLite file (Node's built-in `node:sqlite`, no native package).
 * WAL mode and a busy timeout let several processes on one host share the file.
 */
export class SqliteStore implements Store {
  /** Prepared once, reused: compiling SQL costs more than running these small statements. */
  private readonly statements = new Map<string, StatementSync>();

  private constructor(private readonly db: DatabaseSync) {}

  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    // The busy timeout first: switching to WAL and migrating must wait for other processes too.
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    migrate(db);
    return new SqliteStore(db);
  }

  async putFlow<T extends Json>(key: string, data: T, expiresAt: Date): Promise<void> {
    this.sql(`INSERT INTO flows (key, data, version, expires_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (key) DO UPDATE SET data = excluded.data, version = flows.version + 1,
                expires_at = excluded.expires_at`)
      .run(key, JSON.stringify(data), expiresAt.getTime());
  }

  async getFlow<T extends Json>(key: string, now: Date): Promise<StoredFlow<T> | undefined> {
    const row = this.sql('SELECT data, version, expires_at FROM flows WHERE key = ? AND expires_at > ?')
      .get(key, now.getTime()) as { data: string; version: number; expires_at: number } | undefined;
    if (!row) return undefined;
    return { data: JSON.parse(row.data) as T, version: row.version, expiresAt: new Date(row.expires_at) };
  }

  async updateFlow<T extends Json>(key: string, expectedVersion: number, data: T, expiresAt: Date): Promise<boolean> {
    const result = this.sql('UPDATE flows SET data = ?, version = version + 1, expires_at = ? WHERE key = ? AND version = ?')
      .run(JSON.stringify(data), expiresAt.getTime(), key, expectedVersion);
    return Number(result.changes) === 1;
  }

  async deleteFlow(key: string): Promise<void> {
    this.sql('DELETE FROM flows WHERE key = ?').run(key);
  }

  async hit(key: string, windowMs: number, now: Date): Promise<number> {
    const at = now.getTime();
    return this.transaction(() => {
      this.sql('DELETE FROM counter_events WHERE key = ? AND at <= ?').run(key, at - windowMs);
      this.sql('INSERT INTO counter_events (key, at) VALUES (?, ?)').run(key, at);
      return this.countSince(key, at - windowMs, at);
    });
  }

  async count(key: string, windowMs: number, now: Date): Promise<number> {
    const at = now.getTime();
    return this.countSince(key, at - windowMs, at);
  }

  async markOnce(key: string, now: Date): Promise<boolean> {
    const result = this.sql('INSERT INTO once_markers (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
      .run(key, now.getTime());
    return Number(result.changes) === 1;
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    this.sql(`INSERT INTO audit (at, actor, action, subject, result, detail, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(
        event.at.getTime(),
        event.actor,
        event.action,
        event.subject ?? null,
        event.result,
        event.detail ? JSON.stringify(event.detail) : null,
        event.requestId ?? null,
      );
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (query.action) { where.push('action = ?'); params.push(query.action); }
    if (query.actor) { where.push('actor = ?'); params.push(query.actor); }
    if (query.subject) { where.push('subject = ?'); params.push(query.subject); }
    if (query.since) { where.push('at >= ?'); params.push(query.since.getTime()); }
    const sql = `SELECT at, actor, action, subject, result, detail, request_id FROM audit
                 ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY at DESC, id DESC LIMIT ?`;
    params.push(query.limit ?? 1000);
    const rows = this.sql(sql).all(...params) as unknown as AuditRow[];
    return rows.map(toAuditEvent);
  }

  async secret(name: string, create: () => string): Promise<string> {
    // Insert-if-absent then read: two processes racing both end up with the first value.
    this.sql('INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, create());
    const row = this.sql('SELECT value FROM secrets WHERE name = ?').get(name) as { value: string };
    return row.value;
  }

  async prune(now: Date, olderThan: Date): Promise<void> {
    this.transaction(() => {
      this.sql('DELETE FROM flows WHERE expires_at <= ?').run(now.getTime());
      this.sql('DELETE FROM counter_events WHERE at < ?').run(olderThan.getTime());
    });
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private countSince(key: string, fromExclusive: number, toInclusive: number): number {
    const row = this.sql('SELECT COUNT(*) AS n FROM counter_events WHERE key = ? AND at > ? AND at <= ?')
      .get(key, fromExclusive, toInclusive) as { n: number };
    return Number(row.n);
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      // SQLite may already have rolled back (e.g. on SQLITE_FULL); a second ROLLBACK would hide the cause.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function migrate(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    // Read under the write lock: replicas opening a new file at once must not both create the tables.
    const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    for (let version = current; version < MIGRATIONS.length; version += 1) db.exec(MIGRATIONS[version]);
    if (current < MIGRATIONS.length) db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    subject: row.subject ?? undefined,
    result: row.result as AuditEvent['result'],
    detail: row.detail ? (JSON.parse(row.detail) as AuditEvent['detail']) : undefined,
    requestId: row.request_id ?? undefined,
  };
}
