/**
 * Temporary directories that record the process owning them, so a later run can remove the ones
 * left behind by a run that was killed before it could clean up.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OWNER_FILE = 'owner.pid';

/** Removes abandoned `prefix*` directories under os.tmpdir(), then makes a new one owned by this process. */
export function createOwnedTempDir(prefix: string): string {
  removeAbandoned(prefix);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

function removeAbandoned(prefix: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, OWNER_FILE);
    // No owner file yet: another run is just creating it.
    if (existsSync(ownerFile) && !isAlive(Number(readFileSync(ownerFile, 'utf8')))) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
