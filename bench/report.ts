/** The tables `npm run bench` prints, one per part. */
import type { LoadFigures } from './ack-under-load';
import type { Command } from './concurrent-commands';
import type { PolicyFigures } from './policy-check';
import { ON_POSTGRES, ON_SQLITE } from './replicas';
import { summarise, type Summary } from './stats';
import { CONCURRENT_CONSUMES, type StoreName } from './store-consume';

const TARGET_P99_RATIO = 1.5;
/** Issue 7: a 64-character policy check under 5 ms at p99. */
const TARGET_POLICY_P99_MS = 5;

const header = (first: string) =>
  `${first.padEnd(32)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'mean ms'.padStart(9)} ${'samples'.padStart(8)}`;
const row = (name: string, s: Summary) =>
  `${name.padEnd(32)} ${fmt(s.p50).padStart(9)} ${fmt(s.p99).padStart(9)} ${fmt(s.mean).padStart(9)} ${String(s.samples).padStart(8)}`;
const ratios = (what: string, a: Summary, b: Summary) =>
  `ratio ${what}: p50 ${(a.p50 / b.p50).toFixed(2)}x, p99 ${(a.p99 / b.p99).toFixed(2)}x`;
const rounds = (options: { rounds: number; warmupRounds: number }) =>
  `${options.rounds} rounds each (interleaved, after ${options.warmupRounds} warm-up round${options.warmupRounds === 1 ? '' : 's'})`;

export function reportCommands(samples: Map<string, number[]>, options: { users: number; rounds: number; warmupRounds: number }): string[] {
  const baseline = summarise(samples.get('bare Bolt app') ?? []);
  const passdesk = summarise(samples.get('passdesk') ?? []);
  const p99Ratio = passdesk.p99 / baseline.p99;
  return [
    `1. /password reset → views.open, ${options.users} concurrent users, ${rounds(options)}`,
    '',
    header('app'),
    row('bare Bolt app', baseline),
    row('passdesk', passdesk),
    '',
    `${ratios('passdesk / bare', passdesk, baseline)} (p99 within ${TARGET_P99_RATIO}x: ${p99Ratio <= TARGET_P99_RATIO ? 'target met' : 'target missed'})`,
  ];
}

export function reportPolicy(figures: PolicyFigures[]): string[] {
  const at64 = figures.find((figure) => figure.length === 64);
  return [
    '2. PasswordPolicy.check(), random passwords from the policy\'s mixed alphabet (interleaved, after a warm-up round)',
    '',
    header('length, path'),
    ...figures.flatMap(({ length, now, before }) => [
      row(`${length} chars, now`, now),
      row(`${length} chars, before (zxcvbn)`, before),
      `  ${ratios('now / before', now, before)}`,
    ]),
    '',
    `64 characters under ${TARGET_POLICY_P99_MS} ms at p99: ${at64 && at64.now.p99 < TARGET_POLICY_P99_MS ? 'target met' : 'target missed'}`,
  ];
}

export function reportLoad(load: LoadFigures, options: { submitters: number; length: number }): string[] {
  const quiet = summarise(load.quiet);
  const loaded = summarise(load.loaded);
  const answered = summarise(load.answered);
  return [
    `3. /password reset → views.open for one user at a time, alone and while ${options.submitters} people submit ${options.length}-character passwords in a loop`,
    '',
    header('condition'),
    row('alone', quiet),
    row(`${options.submitters} submitting`, loaded),
    '',
    ratios('submitting / alone', loaded, quiet),
    `each ${options.length}-character submission answered after: p50 ${fmt(answered.p50)} ms, p99 ${fmt(answered.p99)} ms (${answered.samples} submissions)`,
    `longest event-loop stall: alone ${fmt(load.longestStall.quiet)} ms, ${options.submitters} submitting ${fmt(load.longestStall.loaded)} ms`,
  ];
}

export function reportReplicas(
  figures: Map<Command, Map<string, number[]>>,
  options: { users: number; rounds: number; warmupRounds: number },
): string[] {
  return [
    `replicas. → views.open, ${options.users} concurrent users, two passdesk processes on one PostgreSQL database (requests`,
    `          spread over both) against one on SQLite, ${rounds(options)}`,
    ...[...figures].flatMap(([command, samples]) => {
      const sqlite = summarise(samples.get(ON_SQLITE) ?? []);
      const postgres = summarise(samples.get(ON_POSTGRES) ?? []);
      return ['', header(command.typed), row(ON_SQLITE, sqlite), row(ON_POSTGRES, postgres), ratios('PostgreSQL / SQLite', postgres, sqlite)];
    }),
  ];
}

export function reportStore(samples: Map<StoreName, number[]>, options: { rounds: number; warmupRounds: number }): string[] {
  const sqlite = summarise(samples.get('SQLite') ?? []);
  const postgres = summarise(samples.get('PostgreSQL') ?? []);
  return [
    `store. limit consume (the team's key and one of its own), ${CONCURRENT_CONSUMES} at once, ${rounds(options)}`,
    '',
    header('store'),
    row('SQLite (one file)', sqlite),
    row('PostgreSQL (two pools, one db)', postgres),
    '',
    ratios('PostgreSQL / SQLite', postgres, sqlite),
  ];
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}
