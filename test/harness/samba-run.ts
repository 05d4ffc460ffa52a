/**
 * Hands the run's Samba from globalSetup to globalTeardown. Jest loads the two files as separate
 * modules in the same process, so the handle lives on globalThis.
 */
import type { RunningSamba } from './samba-process';

export interface SambaRun {
  /** Cancels a start still in progress (provisioning, waiting for ports or for LDAPS). */
  abort: AbortController;
  /** Resolves to the running DC, or undefined when the start failed (the state file says why). */
  launch: Promise<RunningSamba | undefined>;
  stateDir: string;
}

const KEY = Symbol.for('passdesk.samba.run');
type Holder = { [KEY]?: SambaRun };

export function setSambaRun(run: SambaRun): void {
  (globalThis as Holder)[KEY] = run;
}

/** The run started by globalSetup, once: a second call gets undefined. */
export function takeSambaRun(): SambaRun | undefined {
  const holder = globalThis as Holder;
  const run = holder[KEY];
  delete holder[KEY];
  return run;
}
