/** A positive integer from the environment (`BENCH_ROUNDS`...), else `fallback`; anything else is refused. */
export function positiveInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name}: expected a positive integer, got "${value}"`);
  return parsed;
}
