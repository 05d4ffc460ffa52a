/** jest globalTeardown: stops the run's Samba (or cancels its start) and removes its files. */
import { rmSync } from 'node:fs';
import { takeSambaRun } from './samba-run';

export default async function sambaGlobalTeardown(): Promise<void> {
  const run = takeSambaRun();
  if (!run) return;
  run.abort.abort();
  const running = await run.launch;
  await running?.stop();
  rmSync(run.stateDir, { recursive: true, force: true });
}
