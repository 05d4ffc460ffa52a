import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditCliIo, runAuditCli } from '../../src/cli/audit';
import { openStore } from '../../src/store/open-store';
import { existsSync } from 'node:fs';
import { type PostgresServer, startPostgres, withClient } from '../harness/postgres';

/** `npm run audit` as an auditor uses it, on a store with a few days of events: SQLite and PostgreSQL. */

const dir = mkdtempSync(join(tmpdir(), 'passdesk-audit-cli-'));
const NOW = new Date('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const JAN = 'uid=jkowalski,ou=people,dc=uni,dc=example';
const ANNA = 'uid=anowak,ou=people,dc=uni,dc=example';

async function seed(databaseUrl: string): Promise<void> {
  const store = await openStore(databaseUrl);
  await store.appendAudit({ at: ago(10 * DAY), actor: 'slack:T0UNI:U0JAN', action: 'password-reset.started',
    subject: JAN, result: 'ok', requestId: 'r-old' });
  await store.appendAudit({ at: ago(2 * DAY), actor: 'slack:T0UNI:U0JAN', action: 'password-reset.code-sent',
    subject: JAN, result: 'ok', detail: { phone: '***00', kind: 'first' }, requestId: 'r1' });
  await store.appendAudit({ at: ago(2 * DAY - 60_000), actor: 'slack:T0UNI:U0JAN', action: 'password-reset.completed',
    subject: JAN, result: 'ok', detail: { accounts: 2 }, requestId: 'r2' });
  await store.appendAudit({ at: ago(3_600_000), actor: 'slack:T0UNI:U0ANNA', action: 'password-reset.refused',
    subject: ANNA, result: 'refused', detail: { reason: 'no-phone' }, requestId: 'r3' });
  await store.appendAudit({ at: ago(30 * DAY), actor: 'system', action: 'import.odd-subject',
    subject: '=HYPERLINK("http://evil.example")', result: 'failed' });
  await store.appendAudit({ at: ago(60_000), actor: 'system', action: 'helpdesk.temporary-password',
    subject: 'CN=Rossi\\, Anna,OU=People,DC=uni,DC=example', result: 'ok' });
  await store.close();
}

let postgres: PostgresServer | undefined;
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Where no passdesk ever ran: its URL, and whether it is still as it was (nothing created in it). */
interface NoStore {
  url: string;
  untouched(): Promise<boolean>;
}

const stores: [string, () => Promise<string>, () => Promise<NoStore>][] = [
  ['SQLite', async () => `sqlite:${join(dir, 'passdesk.sqlite')}`, async () => ({
    url: `sqlite:${join(dir, 'elsewhere', 'passdesk.sqlite')}`,
    untouched: async () => !existsSync(join(dir, 'elsewhere')),
  })],
  ['PostgreSQL', async () => {
    postgres = await startPostgres();
    return postgres.createDatabase();
  }, async () => {
    const url = await postgres!.createDatabase();
    return {
      url,
      untouched: () => withClient(url, async (client) =>
        (await client.query("SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'")).rows[0].tables === 0),
    };
  }],
];

describe.each(stores)('npm run audit on %s', (_name, createStore, noStore) => {
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createStore();
  await seed(databaseUrl);
}, 60_000);

async function audit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return auditOn(databaseUrl, ...argv);
}

async function auditOn(url: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: AuditCliIo = {
    env: { DATABASE_URL: url },
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    now: () => NOW,
    timeZone: 'Europe/Warsaw',
  };
  const code = await runAuditCli(argv, io);
  return { code, out, err };
}

const actionsOf = (jsonLines: string) => jsonLines.trim().split('\n').map((line) => (JSON.parse(line) as { action: string }).action);

describe('reading', () => {
  it('prints the whole trail as a table in local time, oldest first', async () => {
    const { code, out } = await audit();
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+ACTOR\s+ACTION\s+RESULT\s+ACCOUNT\s+DETAIL$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain('import.odd-subject');
    // 2026-11-12T12:00:00Z is 13:00 in Warsaw (CET, +01:00).
    expect(lines[2]).toMatch(/^2026-11-12 13:00:00 \+01:00\s+slack:T0UNI:U0JAN\s+password-reset\.started\s+ok\s+uid=jkowalski,/);
    expect(lines[3]).toMatch(/\s{2}kind=first phone=\*\*\*00$/);
    expect(lines[6]).toContain('helpdesk.temporary-password');
  });

  it('filters by --since, --actor (a Slack user id), --account (a uid or CN) and --action (a journey or one action)', async () => {
    expect(actionsOf((await audit('--since', '7d', '--json')).out)).toEqual([
      'password-reset.code-sent', 'password-reset.completed', 'password-reset.refused', 'helpdesk.temporary-password',
    ]);
    expect(actionsOf((await audit('--since', '90m', '--json')).out)).toEqual(['password-reset.refused', 'helpdesk.temporary-password']);
    expect(actionsOf((await audit('--actor', 'U0JAN', '--json')).out)).toEqual([
      'password-reset.started', 'password-reset.code-sent', 'password-reset.completed',
    ]);
    expect(actionsOf((await audit('--actor', 'slack:T0UNI:U0ANNA', '--json')).out)).toEqual(['password-reset.refused']);
    expect(actionsOf((await audit('--account', 'anowak', '--json')).out)).toEqual(['password-reset.refused']);
    expect(actionsOf((await audit('--account', 'rossi, anna', '--json')).out)).toEqual(['helpdesk.temporary-password']);
    expect(actionsOf((await audit('--account', JAN, '--since', '3d', '--json')).out)).toEqual([
      'password-reset.code-sent', 'password-reset.completed',
    ]);
    expect(actionsOf((await audit('--action', 'helpdesk', '--json')).out)).toEqual(['helpdesk.temporary-password']);
    expect(actionsOf((await audit('--action', 'password-reset.completed', '--json')).out)).toEqual(['password-reset.completed']);
    // A prefix must end at a dot: "password" is not "password-reset".
    expect((await audit('--action', 'password', '--json')).out).toBe('');
  });

  it('reads --since as a date (local midnight) or an ISO time', async () => {
    expect(actionsOf((await audit('--since', '2026-11-21', '--json')).out)).toEqual([
      'password-reset.refused', 'helpdesk.temporary-password',
    ]);
    expect(actionsOf((await audit('--since', '2026-11-22T12:30:00+01:00', '--json')).out)).toEqual([
      'helpdesk.temporary-password',
    ]);
  });

  it('writes JSON lines with UTC times, every field present', async () => {
    const { out } = await audit('--action', 'password-reset.code-sent', '--json');
    expect(JSON.parse(out)).toEqual({
      at: '2026-11-20T12:00:00.000Z',
      actor: 'slack:T0UNI:U0JAN',
      action: 'password-reset.code-sent',
      result: 'ok',
      subject: JAN,
      detail: { phone: '***00', kind: 'first' },
      requestId: 'r1',
    });
  });

  it('exports CSV with a header, quoting, and no cell a spreadsheet would run as a formula', async () => {
    const { out } = await audit('--csv', '--since', '1d');
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('time_utc,time_local,actor,action,result,account,detail,request_id');
    expect(lines[1]).toBe('2026-11-22T11:00:00.000Z,2026-11-22 12:00:00 +01:00,slack:T0UNI:U0ANNA,password-reset.refused,refused,'
      + `"${ANNA}","{""reason"":""no-phone""}",r3`);
    expect(lines[2]).toBe('2026-11-22T11:59:00.000Z,2026-11-22 12:59:00 +01:00,system,helpdesk.temporary-password,ok,'
      + '"CN=Rossi\\, Anna,OU=People,DC=uni,DC=example",,');
    expect(lines[3]).toBe('');
    const odd = (await audit('--csv', '--action', 'import')).out.split('\r\n')[1];
    expect(odd).toBe('2026-10-23T12:00:00.000Z,2026-10-23 14:00:00 +02:00,system,import.odd-subject,failed,'
      + `"'=HYPERLINK(""http://evil.example"")",,`);
  });

  it('says so when nothing matches, and refuses bad arguments with the usage', async () => {
    expect(await audit('--actor', 'U0NOBODY')).toEqual({ code: 0, out: '', err: 'no audit events match\n' });
    const bad = await audit('--since', 'last tuesday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since: use a duration such as 30m, 12h, 7d, 2w');
    expect(bad.err).toContain('usage: npm run --silent audit');
    expect((await audit('--json', '--csv')).err).toContain('choose one of --json and --csv');
    expect((await audit('--who', 'x')).code).toBe(2);
  });
});

describe('only reading', () => {
  it('refuses a DATABASE_URL where passdesk never ran, plainly, and creates nothing there', async () => {
    const elsewhere = await noStore();
    const { code, out, err } = await auditOn(elsewhere.url);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(/^cannot open the store: DATABASE_URL: (no passdesk store at \/\S+elsewhere\/passdesk\.sqlite|this PostgreSQL database holds no passdesk store)\n$/);
    expect(await elsewhere.untouched()).toBe(true);
  });
});
});
