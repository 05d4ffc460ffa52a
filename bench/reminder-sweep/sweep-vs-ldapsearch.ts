/**
 * `npm run bench`, part `reminders`: the expiry-reminder sweep's directory pass against `ldapsearch`,
 * at 10 000 and 100 000 accounts (loaded with slapadd), a few hundred of them due.
 *
 * The sweep side is `scanDue`, what every sweep runs first (the server-side range filter, paged,
 * each entry's expiry and window, grouping by person), in a fresh Node process per round so its peak
 * RSS is its own; its time is measured inside that process, from the first LDAP connection to the
 * last entry: on the process's second run, and "hot" (the median of five runs after five, as the
 * bot's daily sweep runs in a process whose LDAP code a day of look-ups has made hot); the first,
 * cold run (`npm run reminders` starting Node) is shown beside them. The baseline is `ldapsearch`
 * with the very filter the sweep sends (read from the adapter), the same attributes and the same
 * page size, timed from spawn to exit. Delivery is not measured: it is paced on purpose under
 * Slack's rate limits (about one person a second).
 *
 * BENCH_SWEEP_ROUNDS (default 5) measured rounds per size, after one warm-up, in ABBA order.
 * BENCH_SWEEP_SIZES (default 10000,100000), BENCH_SWEEP_DUE (default 300).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { accountAttributes } from '../../src/directory/openldap-account';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { DEFAULT_EXPIRY_PAGE_SIZE } from '../../src/directory/directory';
import { OpenLdapExpirySearch } from '../../src/directory/openldap-expiry-search';
import { searchRange } from '../../src/flows/expiry-reminders/reminder-windows';
import { createOwnedTempDir } from '../../test/harness/owned-temp-dir';
import { type SlapdServer, startSlapd } from '../../test/harness/slapd';
import { writePeopleLdif } from '../../test/harness/bulk-people-ldif';
import { positiveInt } from '../bench-env';

const ROOT = resolve(__dirname, '../..');
const ROUNDS = positiveInt('BENCH_SWEEP_ROUNDS', 5);
const SIZES = (process.env.BENCH_SWEEP_SIZES ?? '10000,100000').split(',').map(Number);
const DUE = positiveInt('BENCH_SWEEP_DUE', 300);
const PAGE_SIZE = DEFAULT_EXPIRY_PAGE_SIZE;
const SCHEDULE = { windowsDays: [10], expiredDays: 30 };
const TARGET_RATIO = 1.3;
const TARGET_RSS_GROWTH_MB = 50;
const NAMES = { mail: 'mail', phone: 'mobile', link: 'employeeNumber' };

interface Sample {
  ms: number;
  maxRssKb: number;
  /** The sweep's first run in its process. */
  coldMs?: number;
  /** The median of five runs after five (a process whose LDAP code is hot). */
  hotMs?: number;
}

interface SizeResult {
  size: number;
  due: number;
  sweep: Sample[];
  ldapsearch: Sample[];
}

/** Measures each size in turn; returns the report's lines. */
export async function benchReminderSweep(): Promise<string[]> {
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await measureSize(size));
  return report(results);
}

async function measureSize(size: number): Promise<SizeResult> {
  const dir = createOwnedTempDir('passdesk-bench-sweep-');
  const now = new Date();
  const ldif = join(dir, 'people.ldif');
  const loadStarted = performance.now();
  await writePeopleLdif(ldif, { size, due: DUE, now });
  const server = await startSlapd({ peopleLdif: ldif, mapSizeBytes: 4 * 1024 * 1024 * 1024 });
  process.stdout.write(`sweep bench: ${size} accounts loaded with slapadd in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);
  try {
    const { from, to } = searchRange(SCHEDULE, now);
    const filter = await new OpenLdapExpirySearch({
      connector: connector(server), baseDn: server.peopleDn, names: NAMES, defaultPolicyDn: server.defaultPolicyDn, clock: { now: () => now },
    }).expiringFilter(from, to);
    if (!filter) throw new Error('the sweep would send no filter: no policy with a maximum age');
    const result: SizeResult = { size, due: 0, sweep: [], ldapsearch: [] };
    for (let round = 0; round <= ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ['sweep', 'ldapsearch'] : ['ldapsearch', 'sweep'];
      for (const which of order) {
        if (which === 'sweep') {
          const run = await runSweep(server, now);
          if (run.due !== DUE) throw new Error(`the sweep found ${run.due} due accounts, expected ${DUE}`);
          result.due = run.due;
          if (round > 0) result.sweep.push(run);
        } else {
          const run = await runLdapsearch(server, filter);
          if (run.entries !== DUE) throw new Error(`ldapsearch returned ${run.entries} entries, expected ${DUE}`);
          if (round > 0) result.ldapsearch.push(run);
        }
      }
    }
    return result;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runSweep(server: SlapdServer, now: Date): Promise<Sample & { due: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/reminder-sweep/sweep-child.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...server.env, BENCH_NOW: String(now.getTime()), BENCH_PAGE_SIZE: String(PAGE_SIZE) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('error', fail);
    child.once('close', (code) => {
      if (code !== 0) return fail(new Error(`the sweep child exited with ${code}`));
      const parsed = JSON.parse(out) as { ms: number; coldMs: number; hotMs: number; due: number; maxRssKb: number };
      done(parsed);
    });
  });
}

/** ldapsearch with the sweep's filter, attributes and page size; its peak RSS from /usr/bin/time. */
function runLdapsearch(server: SlapdServer, filter: string): Promise<Sample & { entries: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', [
      '-f', '%M',
      'ldapsearch', '-LLL', '-x', '-H', server.env.LDAP_URL, '-D', server.serviceDn, '-w', server.servicePassword,
      '-b', server.peopleDn, '-s', 'sub', '-E', `pr=${PAGE_SIZE}/noprompt`, filter, ...accountAttributes(NAMES),
    ], { env: { PATH: process.env.PATH ?? '', LDAPTLS_CACERT: server.caFile, LDAPTLS_REQCERT: 'demand' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let entries = 0;
    let rest = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      entries += lines.filter((line) => line.startsWith('dn: ')).length;
    });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.once('error', fail);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return fail(new Error(`ldapsearch exited with ${code}: ${err.trim()}`));
      done({ ms, entries, maxRssKb: Number(err.trim().split('\n').pop()) });
    });
  });
}

function connector(server: SlapdServer): LdapConnector {
  return new LdapConnector({
    url: server.env.LDAP_URL, caFile: server.caFile, insecure: false,
    bindDn: server.serviceDn, bindPassword: server.servicePassword, timeoutMs: 120_000,
  });
}

function report(results: SizeResult[]): string[] {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const lines = [
    `expiry-reminder sweep (directory pass) vs ldapsearch, same filter, page size ${PAGE_SIZE}, ${DUE} due, median of ${ROUNDS} rounds`,
    '',
    `${'accounts'.padStart(9)} ${'ldapsearch ms'.padStart(14)} ${'sweep ms'.padStart(9)} ${'ratio'.padStart(6)} ` +
      `${'hot sweep ms'.padStart(13)} ${'ratio'.padStart(6)} ${'cold sweep ms'.padStart(14)} ${'sweep peak RSS'.padStart(15)} ${'ldapsearch RSS'.padStart(15)}`,
  ];
  const ratioOf = (result: SizeResult, which: 'ms' | 'hotMs') =>
    median(result.sweep.map((s) => s[which] ?? 0)) / median(result.ldapsearch.map((s) => s.ms));
  for (const result of results) {
    const ldapMs = median(result.ldapsearch.map((s) => s.ms));
    lines.push(`${String(result.size).padStart(9)} ${ldapMs.toFixed(1).padStart(14)} ${median(result.sweep.map((s) => s.ms)).toFixed(1).padStart(9)} ` +
      `${ratioOf(result, 'ms').toFixed(2).padStart(5)}x ${median(result.sweep.map((s) => s.hotMs ?? 0)).toFixed(1).padStart(13)} ` +
      `${ratioOf(result, 'hotMs').toFixed(2).padStart(5)}x ${median(result.sweep.map((s) => s.coldMs ?? 0)).toFixed(1).padStart(14)} ` +
      `${mb(median(result.sweep.map((s) => s.maxRssKb))).padStart(15)} ` +
      `${mb(median(result.ldapsearch.map((s) => s.maxRssKb))).padStart(15)}`);
  }
  const worstRatio = Math.max(...results.map((r) => ratioOf(r, 'ms')));
  const worstHot = Math.max(...results.map((r) => ratioOf(r, 'hotMs')));
  const rss = results.map((r) => median(r.sweep.map((s) => s.maxRssKb)));
  const growthMb = (rss[rss.length - 1] - rss[0]) / 1024;
  lines.push(
    '',
    `time, the sweep's second run in its process: within ${TARGET_RATIO}x of ldapsearch: ${verdict(worstRatio <= TARGET_RATIO)} (worst ${worstRatio.toFixed(2)}x)`,
    `time, a hot process (the bot's daily sweep): within ${TARGET_RATIO}x of ldapsearch: ${verdict(worstHot <= TARGET_RATIO)} (worst ${worstHot.toFixed(2)}x)`,
    `memory: peak RSS grows by ${growthMb.toFixed(1)} MB from ${results[0].size} to ${results[results.length - 1].size} accounts ` +
      `(under ${TARGET_RSS_GROWTH_MB} MB: ${verdict(growthMb < TARGET_RSS_GROWTH_MB)})`,
  );
  return lines;
}

function verdict(met: boolean): string {
  return met ? 'target met' : 'target missed';
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`;
}
