import { Pool, type PoolClient } from 'pg';
import type { AuditEvent, AuditQuery } from '../audit-store';
import type { ClaimOutcome } from '../claim-store';
import type { Json, StoredFlow } from '../flow-store';
import { distinctKeys } from '../limit-check';
import { NewerSchemaError } from '../newer-schema-error';
import type { Store } from '../store';
import { migrate, readSchemaVersion, SCHEMA_VERSION } from './migrations';

interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  result: string;
  detail: AuditEvent['detail'] | null;
  request_id: string | null;
}

/**
 * The store for replicas: one PostgreSQL database shared by every passdesk process. Limits are
 * atomic across them (advisory locks per key), claims are unique (a primary key), flows are
 * compare-and-set (a version column).
 */
export class PostgresStore implements Store {
  private constructor(private readonly pool: Pool) {}

  /** Connects and migrates; the error names the cause, never the URL (it holds the password). */
  static async open(connectionString: string, poolSize = 10): Promise<PostgresStore> {
    const pool = new Pool({ connectionString, max: poolSize });
    // An idle connection the server dropped must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      if (error instanceof NewerSchemaError) throw error;
      throw new Error(`DATABASE_URL: PostgreSQL could not be opened: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    return new PostgresStore(pool);
  }

  /** For readers (`npm run audit`): the database as it is, never migrated; one passdesk never started on is an error. */
  static async openForReading(connectionString: string): Promise<PostgresStore> {
    const pool = new Pool({ connectionString, max: 1 });
    pool.on('error', () => undefined);
    let version: number | undefined;
    try {
      version = await readSchemaVersion(pool);
    } catch (error) {
      await pool.end();
      throw new Error(`DATABASE_URL: PostgreSQL could not be opened: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    if (version === undefined || version > SCHEMA_VERSION) {
      await pool.end();
      throw version === undefined
        ? new Error('DATABASE_URL: this PostgreSQL database holds no passdesk store')
        : new NewerSchemaError(version, SCHEMA_VERSION);
    }
    return new PostgresStore(pool);
  }

  async putFlow(key: string, data: Json, expiresAt: Date): Promise<void> {
    await this.pool.query(`INSERT INTO flows (key, data, version, expires_at) VALUES ($1, $2, 1, $3)
                             ON CONFLICT (key) DO UPDATE SET data = excluded.data, version = flows.version + 1,
                             expires_at = excluded.expires_at`, [key, JSON.stringify(data), expiresAt]);
  }

  async getFlow(key: string, now: Date): Promise<StoredFlow<unknown> | undefined> {
    const { rows } = await this.pool.query<{ data: unknown; version: number; expires_at: Date }>(
      'SELECT data, version, expires_at FROM flows WHERE key = $1 AND expires_at > $2', [key, now]);
    const row = rows[0];
    if (!row) return undefined;
    return { data: row.data, version: row.version, expiresAt: row.expires_at };
  }

  async updateFlow(key: string, expectedVersion: number, data: Json, expiresAt: Date): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE flows SET data = $1, version = version + 1, expires_at = $2 WHERE key = $3 AND version = $4',
      [JSON.stringify(data), expiresAt, key, expectedVersion]);
    return result.rowCount === 1;
  }

  async deleteFlow(key: string): Promise<void> {
    await this.pool.query('DELETE FROM flows WHERE key = $1', [key]);
  }

  async consume(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    const distinct = distinctKeys(keys);
    return this.transaction(async (client) => {
      // One lock per key, taken in one order by every replica (no deadlock), held to COMMIT:
      // no one records on these keys between our count and our insert.
      await client.query(`SELECT pg_advisory_xact_lock(h) FROM
                            (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks`,
        [distinct]);
      // A new statement, so a new snapshot: it sees what the previous lock holder committed.
      const inserted = await client.query(
        `INSERT INTO counter_events (key, at)
           SELECT k, $4 FROM unnest($1::text[]) AS k
           WHERE NOT EXISTS (
             SELECT 1 FROM unnest($1::text[]) AS c
             WHERE (SELECT count(*) FROM counter_events e WHERE e.key = c AND e.at > $3) >= $2)`,
        [distinct, limit, windowStart(windowMs, now), now]);
      return inserted.rowCount === distinct.length;
    });
  }

  async isExhausted(keys: string[], limit: number, windowMs: number, now: Date): Promise<boolean> {
    const { rows } = await this.pool.query<{ exhausted: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM unnest($1::text[]) AS c
                      WHERE (SELECT count(*) FROM counter_events e WHERE e.key = c AND e.at > $3) >= $2) AS exhausted`,
      [distinctKeys(keys), limit, windowStart(windowMs, now)]);
    return rows[0].exhausted;
  }

  async record(keys: string[], now: Date): Promise<void> {
    await this.pool.query('INSERT INTO counter_events (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k',
      [distinctKeys(keys), now]);
  }

  async count(key: string, windowMs: number, now: Date): Promise<number> {
    // Events after the window's start with no upper bound, as in the SQLite store (clock skew between replicas).
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM counter_events WHERE key = $1 AND at > $2', [key, windowStart(windowMs, now)]);
    return Number(rows[0].n);
  }

  async claimOnce(key: string, now: Date): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO once_markers (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, now]);
    return result.rowCount === 1;
  }

  async claim(key: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimOutcome> {
    return this.transaction(async (client) => {
      // ON CONFLICT locks the existing row even when the WHERE refuses it, so the state read next stays put.
      const taken = await client.query(`INSERT INTO claims (key, owner, state, lease_until, keep_until) VALUES ($1, $2, 'held', $3, $3)
                                          ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
                                          keep_until = EXCLUDED.keep_until
                                          WHERE claims.state = 'held' AND claims.lease_until <= $4`, [key, owner, leaseUntil, now]);
      if (taken.rowCount === 1) return 'claimed';
      const { rows } = await client.query<{ state: string }>('SELECT state FROM claims WHERE key = $1', [key]);
      return rows[0]?.state === 'done' ? 'done' : 'held';
    });
  }

  async completeClaim(key: string, owner: string, keepUntil: Date): Promise<boolean> {
    const result = await this.pool.query(`UPDATE claims SET state = 'done', keep_until = $1 WHERE key = $2 AND owner = $3 AND state = 'held'`,
      [keepUntil, key, owner]);
    return result.rowCount === 1;
  }

  async releaseClaim(key: string, owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM claims WHERE key = $1 AND owner = $2 AND state = 'held'`, [key, owner]);
  }

  async peekClaim(key: string, now: Date): Promise<'free' | 'held' | 'done'> {
    const { rows } = await this.pool.query<{ state: string; lease_until: Date }>('SELECT state, lease_until FROM claims WHERE key = $1', [key]);
    const row = rows[0];
    if (!row) return 'free';
    if (row.state === 'done') return 'done';
    return row.lease_until.getTime() > now.getTime() ? 'held' : 'free';
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    await this.pool.query(`INSERT INTO audit (at, actor, action, subject, result, detail, request_id)
                             VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      event.at,
      event.actor,
      event.action,
      event.subject ?? null,
      event.result,
      event.detail ? JSON.stringify(event.detail) : null,
      event.requestId ?? null,
    ]);
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, operator: string, value: unknown) => {
      params.push(value);
      where.push(`${column} ${operator} $${params.length}`);
    };
    if (query.action) add('action', '=', query.action);
    if (query.actor) add('actor', '=', query.actor);
    if (query.subject) add('subject', '=', query.subject);
    if (query.since) add('at', '>=', query.since);
    params.push(query.limit ?? 1000);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT at, actor, action, subject, result, detail, request_id FROM audit
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY at DESC, id DESC LIMIT $${params.length}`, params);
    return rows.map(toAuditEvent);
  }

  async prune(now: Date, olderThan: Date): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM flows WHERE expires_at <= $1', [now]);
      await client.query('DELETE FROM counter_events WHERE at < $1', [olderThan]);
      // A lapsed 'held' claim is one whose holder died: deleting it is what taking it over would do.
      await client.query(`DELETE FROM claims WHERE (state = 'done' AND keep_until <= $1) OR (state = 'held' AND lease_until <= $1)`, [now]);
    });
  }

  async pruneAudit(olderThan: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM audit WHERE at < $1', [olderThan]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function windowStart(windowMs: number, now: Date): Date {
  return new Date(now.getTime() - windowMs);
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject ?? undefined,
    result: row.result as AuditEvent['result'],
    detail: row.detail ?? undefined,
    requestId: row.request_id ?? undefined,
  };
}
