/**
 * How the per-run Samba (started by samba-global-setup.ts in jest's main process) tells test
 * workers where it is: a JSON file whose path is in PASSDESK_SAMBA_STATE, written once Samba
 * answers or once starting it has failed.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SambaFacts } from './samba-process';

export const SAMBA_STATE_ENV = 'PASSDESK_SAMBA_STATE';

export type SambaState =
  | { status: 'ready'; facts: SambaFacts }
  | { status: 'failed'; error: string };

export function writeSambaState(file: string, state: SambaState): void {
  // Write then rename, so a reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** Waits for the state file; throws when the run did not start Samba or it failed to start. */
export async function waitForSambaState(timeoutMs: number): Promise<SambaFacts> {
  const file = process.env[SAMBA_STATE_ENV];
  if (!file) {
    throw new Error(`${SAMBA_STATE_ENV} is not set: jest.config.js must register test/harness/samba-global-setup.ts as globalSetup`);
  }
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`samba was not ready after ${timeoutMs} ms (state file ${file})`);
    await sleep(50);
  }
  const state = JSON.parse(readFileSync(file, 'utf8')) as SambaState;
  if (state.status === 'failed') throw new Error(`samba failed to start: ${state.error}`);
  return state.facts;
}
