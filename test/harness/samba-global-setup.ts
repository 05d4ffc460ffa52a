/**
 * jest globalSetup: starts the run's one Samba AD DC in the background (test files that need it
 * wait for it in `connectSamba()`; the others do not), and tells workers where to find it.
 * samba-global-teardown.ts stops it.
 */
import { join } from 'node:path';
import { createOwnedTempDir } from './owned-temp-dir';
import { launchSamba } from './samba-process';
import { SAMBA_STATE_ENV, writeSambaState } from './samba-state';
import { type SambaRun, setSambaRun } from './samba-run';

export default function sambaGlobalSetup(): void {
  const stateDir = createOwnedTempDir('passdesk-samba-state-');
  const stateFile = join(stateDir, 'samba.json');
  // Workers are started after globalSetup and inherit this.
  process.env[SAMBA_STATE_ENV] = stateFile;

  const abort = new AbortController();
  const launch = launchSamba({ signal: abort.signal }).then(
    (running) => {
      writeSambaState(stateFile, { status: 'ready', facts: running.facts });
      return running;
    },
    (error: unknown) => {
      writeSambaState(stateFile, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      return undefined;
    },
  );
  const run: SambaRun = { abort, launch, stateDir };
  setSambaRun(run);
}
