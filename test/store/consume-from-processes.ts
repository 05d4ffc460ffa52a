import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts `replicas` processes on one DATABASE_URL (each opens and migrates the store), then has
 * each ask `attempts` times, at the same moment, for one shared allowance of `limit`. Resolves to
 * how many each was granted.
 */
export async function consumeFromProcesses(url: string, options: { replicas: number; attempts: number; limit: number }): Promise<number[]> {
  // Far enough ahead for every process to have started and opened the store.
  const startAt = Date.now() + 2000 + 300 * options.replicas;
  const runProcess = () => new Promise<string>((resolve, reject) => {
    const args = [url, String(startAt), String(options.attempts), String(options.limit)];
    execFile(process.execPath, ['--import', 'tsx', join(__dirname, 'open-from-process.ts'), ...args],
      (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout)));
  });
  const granted = await Promise.all(Array.from({ length: options.replicas }, runProcess));
  return granted.map(Number);
}
