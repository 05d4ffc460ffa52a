/**
 * Runs one Samba AD DC on 127.0.0.1:389/636 from a copy of the cached template, with a
 * certificate from tls.ts, in a temporary directory; stops it and removes the directory.
 *
 * Samba's LDAP ports cannot be moved, so one instance per machine at a time: a start waits while
 * another instance (another test run) holds the ports. Samba runs in the foreground with a pipe
 * on stdin and exits when that pipe closes, so it dies with the process that started it even if
 * that process is killed before it can stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'ldapts';
import { SAMBA_DOMAIN, ensureSambaTemplate } from './samba-template';
import { createOwnedTempDir } from './owned-temp-dir';
import { createTestCertificates } from './tls';

/**
 * The loopback address Samba binds. PASSDESK_SAMBA_HOST (e.g. 127.0.0.2, added to `lo` first)
 * lets two test runs on one machine each have their own DC; CI uses the default.
 */
const HOST = process.env.PASSDESK_SAMBA_HOST ?? '127.0.0.1';
const LDAP_PORT = 389;
const LDAPS_PORT = 636;
const RUN_DIR_PREFIX = 'passdesk-samba-run-';

/** Everything a test needs to reach the running DC. */
export interface SambaFacts {
  ldapsUrl: string;
  startTlsUrl: string;
  caFile: string;
  domainDn: string;
  peopleDn: string;
  upnSuffix: string;
  adminDn: string;
  adminPassword: string;
  serviceDn: string;
  servicePassword: string;
  /** Seconds: provisioning the template (0 when cached), and copy + start until LDAPS answered. */
  timings: { provisionSeconds: number; startSeconds: number };
}

export interface RunningSamba {
  facts: SambaFacts;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  signal?: AbortSignal;
  /** How long to wait for another instance to free the ports (default 90 s). */
  portWaitMs?: number;
}

export async function launchSamba(options: LaunchOptions = {}): Promise<RunningSamba> {
  const { signal, portWaitMs = 90_000 } = options;
  const runDir = createOwnedTempDir(RUN_DIR_PREFIX);
  let child: ChildProcess | undefined;
  try {
    const template = await ensureSambaTemplate(signal);
    const started = performance.now();
    const dcDir = join(runDir, 'dc');
    cpSync(template.dir, dcDir, { recursive: true });
    const certDir = join(runDir, 'certs');
    mkdirSync(certDir);
    const certificates = createTestCertificates(certDir, HOST);
    // Samba ignores a TLS key that others can read.
    chmodSync(certificates.keyFile, 0o600);
    const configFile = writeSmbConf(dcDir, certificates);
    const facts: SambaFacts = {
      ldapsUrl: `ldaps://${HOST}:${LDAPS_PORT}`,
      startTlsUrl: `ldap://${HOST}:${LDAP_PORT}`,
      caFile: certificates.caFile,
      domainDn: SAMBA_DOMAIN.domainDn,
      peopleDn: SAMBA_DOMAIN.peopleDn,
      upnSuffix: SAMBA_DOMAIN.upnSuffix,
      adminDn: SAMBA_DOMAIN.adminDn,
      adminPassword: template.adminPassword,
      serviceDn: SAMBA_DOMAIN.serviceDn,
      servicePassword: template.servicePassword,
      timings: { provisionSeconds: template.provisionSeconds, startSeconds: 0 },
    };

    const deadline = Date.now() + portWaitMs;
    for (;;) {
      await waitForFreePorts(deadline, signal);
      const logFile = join(runDir, 'samba.log');
      child = startSambaProcess(configFile, logFile, signal);
      const outcome = await waitUntilReady(child, facts, signal);
      if (outcome === 'ready') break;
      const log = readTail(logFile);
      // Lost a race for the ports with another run: wait for them again.
      if (/ADDRESS_ALREADY_ASSOCIATED|address already in use/i.test(log) && Date.now() < deadline) continue;
      throw new Error(`samba did not start; log tail:\n${log}`);
    }
    facts.timings.startSeconds = Math.round((performance.now() - started) / 10) / 100;
    const running = child;
    return { facts, stop: () => stopProcess(running).finally(() => removeDir(runDir)) };
  } catch (error) {
    if (child) await stopProcess(child);
    removeDir(runDir);
    throw error;
  }
}

function writeSmbConf(dcDir: string, certificates: { caFile: string; certFile: string; keyFile: string }): string {
  const file = join(dcDir, 'etc', 'smb.conf');
  const lines = [
    '[global]',
    `netbios name = ${SAMBA_DOMAIN.hostName.toUpperCase()}`,
    `realm = ${SAMBA_DOMAIN.realm}`,
    `workgroup = ${SAMBA_DOMAIN.workgroup}`,
    'server role = active directory domain controller',
    'server services = ldap',
    `interfaces = ${HOST}`,
    'bind interfaces only = yes',
    `private dir = ${join(dcDir, 'private')}`,
    `lock directory = ${dcDir}`,
    `state directory = ${join(dcDir, 'state')}`,
    `cache directory = ${join(dcDir, 'cache')}`,
    `binddns dir = ${join(dcDir, 'bind-dns')}`,
    `pid directory = ${dcDir}`,
    `ncalrpc dir = ${join(dcDir, 'ncalrpc')}`,
    `log file = ${join(dcDir, 'log.samba')}`,
    // Samba accepts the previous password for 60 minutes after a change by default; tests check it fails.
    'old password allowed period = 0',
    'tls enabled = yes',
    `tls keyfile = ${certificates.keyFile}`,
    `tls certfile = ${certificates.certFile}`,
    `tls cafile = ${certificates.caFile}`,
    '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}

function startSambaProcess(configFile: string, logFile: string, signal: AbortSignal | undefined): ChildProcess {
  const log = openSync(logFile, 'a');
  try {
    // stdin stays an open pipe: Samba in interactive mode exits when it closes.
    return spawn('samba', ['-s', configFile, '-i', '-M', 'single', '--no-process-group'], {
      stdio: ['pipe', log, log],
      signal,
    }).on('error', () => undefined);
  } finally {
    closeSync(log);
  }
}

/**
 * Polls an administrator bind over LDAPS until it works, the process dies, or 20 s pass. The CA
 * is this run's own, so the bind cannot succeed against another run's DC on the same ports.
 */
async function waitUntilReady(child: ChildProcess, facts: SambaFacts, signal: AbortSignal | undefined): Promise<'ready' | 'exited'> {
  const deadline = Date.now() + 20_000;
  const ca = readFileSync(facts.caFile);
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (hasEnded(child)) return 'exited';
    const client = new Client({ url: facts.ldapsUrl, connectTimeout: 1000, timeout: 2000, tlsOptions: { ca } });
    try {
      await client.bind(facts.adminDn, facts.adminPassword);
      return 'ready';
    } catch {
      await sleep(50);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
  await stopProcess(child);
  throw new Error('samba did not answer on LDAPS within 20 s');
}

async function waitForFreePorts(deadline: number, signal: AbortSignal | undefined): Promise<void> {
  for (;;) {
    signal?.throwIfAborted();
    const busy = [];
    for (const port of [LDAP_PORT, LDAPS_PORT]) if (await isListening(port)) busy.push(port);
    if (busy.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`ports ${busy.join(', ')} on ${HOST} stay busy (another Samba or LDAP server, maybe another test run)`);
    }
    await sleep(250, undefined, { signal });
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Exited, killed, or never started (no pid when spawn failed). */
function hasEnded(child: ChildProcess): boolean {
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasEnded(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function readTail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '(no log)';
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
