import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { type AuditEvent, type AuditQuery, DEFAULT_AUDIT_PAGE } from '../audit-store';
import type { ClaimOutcome } from '../claim-store';
import type { Json, StoredFlow } from '../flow-store';
import { anyKeyAtLimit, distinctKeys } from '../limit-check';
import type { Store } from '../store';
import { MIGRATIONS, migrate } from './migrations';
import { NewerSchemaError } from '../newer-schema-error';

/**
 * How long a statement waits for another process's write lock before failing: passdesk's own
 * transactions take milliseconds, but replicas opening a new file wait through each other's
 * migration and the switch to WAL.
 */
const BUSY_TIMEOUT_MS = 5000;

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
    if (path !== ':memory:') createOwnerOnly(path);
    const db = new DatabaseSync(path);
    // The busy timeout first: switching to WAL and migrating must wait for other processes too.
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  /**
   * For readers (`npm run audit`): the file as it is, opened read-only, never created or
   * migrated; a file that is missing or no passdesk store is an error naming the path.
   */
  static openForReading(path: string): SqliteStore {
    if (!existsSync(path)) throw new Error(`DATABASE_URL: no passdesk store at ${path}`);
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
      const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (version === 0) throw new Error(`DATABASE_URL: ${path} is not a passdesk store`);
      if (version > MIGRATIONS.length) throw new NewerSchemaError(version, MIGRATIONS.length);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  async putFlow(key: string, data: Json, expiresAt: Date): Promise<void> {
    this.sql(`INSERT INTO flows (key, data, version, expires_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (key) DO UPDATE SET data = excluded.data, version = flows.version + 1,
                expires_at = excluded.expires_at`)
      .run(key, JSON.stringify(data), expiresAt.getTime());
  }

  async getFlow(key: string, now: Date): Promise<StoredFlow<unknown> | undefined> {
    const row = this.sql('SELECT data, version, expires_at FROM flows WHERE key = ? AND expires_at > ?')
      .get(key, now.getTime()) as { data: string; version: number; expires_at: number } | undefined;
    if (!row) return undefined;
    return { data: parseJson(row.data), version: row.version, expiresAt: new Date(row.expires_at) };
  }

  async updateFlow(key: string, expectedVersion: number, data: Json, expiresAt: Date): Promise<boolean> {
    const result = this.sql('UPDATE flows SET data = ?, version = version + 1, expires_at = ? WHERE key = ? AND version = ?')
      .run(JSON.stringify(data), expiresAt.getTime(), key, expectedVersion);
    return Number(result.changes) === 1;
  }

  async deleteFlow(key: string): Promise<void> {
    this.sql('DELETE FROM flows WHERE key = ?').run(key);
  }

  async consume(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    // BEGIN IMMEDIATE takes the write lock before counting, so no other connection can record
    // between this count and this insert.
    return this.transaction(() => {
      if (this.anyAtLimit(keys, limit, windowMs, now)) return false;
      this.insertEvents(keys, now);
      return true;
    });
  }

  async isExhausted(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    return this.anyAtLimit(keys, limit, windowMs, now);
  }

  async record(keys: string[], now: Date): Promise<void> {
    this.transaction(() => this.insertEvents(keys, now));
  }

  async count(key: string, windowMs: number, now: Date): Promise<number> {
    return this.countInWindow(key, windowMs, now);
  }

  async claimOnce(key: string, now: Date): Promise<boolean> {
    const result = this.sql('INSERT INTO once_markers (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
      .run(key, now.getTime());
    return Number(result.changes) === 1;
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome> {
    return this.transaction(() => {
      const taken = this.sql(`INSERT INTO claims (key, owner, state, lease_until, keep_until) VALUES (?, ?, 'held', ?, ?)
                                ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until,
                                keep_until = excluded.keep_until
                                WHERE claims.state = 'held' AND claims.lease_until <= ?`)
        .run(key, owner, leaseUntil.getTime(), leaseUntil.getTime(), now.getTime());
      if (Number(taken.changes) === 1) return 'claimed';
      const row = this.sql('SELECT state FROM claims WHERE key = ?').get(key) as { state: string };
      return row.state === 'done' ? 'done' : 'held';
    });
  }

  async completeClaim(key: string, owner: string, keepUntil: Date): Promise<boolean> {
    const result = this.sql(`UPDATE claims SET state = 'done', keep_until = ? WHERE key = ? AND owner = ? AND state = 'held'`)
      .run(keepUntil.getTime(), key, owner);
    return Number(result.changes) === 1;
  }

  async releaseClaim(key: string, owner: string): Promise<void> {
    this.sql(`DELETE FROM claims WHERE key = ? AND owner = ? AND state = 'held'`).run(key, owner);
  }

  async peekClaim(key: string, now: Date): Promise<'free' | 'held' | 'done'> {
    const row = this.sql('SELECT state, lease_until FROM claims WHERE key = ?').get(key) as { state: string; lease_until: number } | undefined;
    if (!row) return 'free';
    if (row.state === 'done') return 'done';
    return row.lease_until > now.getTime() ? 'held' : 'free';
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
    params.push(query.limit ?? DEFAULT_AUDIT_PAGE);
    const rows = this.sql(sql).all(...params) as unknown as AuditRow[];
    return rows.map(toAuditEvent);
  }

  async prune(now: Date, olderThan: Date): Promise<void> {
    this.transaction(() => {
      this.sql('DELETE FROM flows WHERE expires_at <= ?').run(now.getTime());
      this.sql('DELETE FROM counter_events WHERE at < ?').run(olderThan.getTime());
      // A lapsed 'held' claim is one whose holder died: deleting it is what taking it over would do.
      this.sql(`DELETE FROM claims WHERE (state = 'done' AND keep_until <= ?) OR (state = 'held' AND lease_until <= ?)`)
        .run(now.getTime(), now.getTime());
    });
  }

  async pruneAudit(olderThan: Date): Promise<number> {
    return Number(this.sql('DELETE FROM audit WHERE at < ?').run(olderThan.getTime()).changes);
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

  private anyAtLimit(keys: string[], limit: number, windowMs: number, now: Date): boolean {
    return anyKeyAtLimit(keys, limit, (key) => this.countInWindow(key, windowMs, now));
  }

  /**
   * Events after `now - windowMs`, with no upper bound: a replica whose `now` was read before it
   * got the write lock must still count what another replica recorded a moment "later".
   */
  private countInWindow(key: string, windowMs: number, now: Date): number {
    const row = this.sql('SELECT COUNT(*) AS n FROM counter_events WHERE key = ? AND at > ?')
      .get(key, now.getTime() - windowMs) as { n: number };
    return Number(row.n);
  }

  private insertEvents(keys: string[], now: Date): void {
    const insert = this.sql('INSERT INTO counter_events (key, at) VALUES (?, ?)');
    for (const key of distinctKeys(keys)) insert.run(key, now.getTime());
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

/**
 * The store holds flows, hashes and the audit trail: readable by passdesk's user only. Folders it
 * creates are 0700; the file is created 0600 before SQLite opens it, and SQLite gives its WAL and
 * shared-memory files the database file's mode. A file or WAL left wider by an older passdesk is
 * narrowed. A folder that already existed is the deployer's and is left as it is.
 */
function createOwnerOnly(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // the flow repository reports it as unreadable
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
