/** The rule both store adapters apply: a key listed twice counts once; any key at `limit` refuses. */
export function anyKeyAtLimit(keys: string[], limit: number, countOf: (key: string) => number): boolean {
  return distinctKeys(keys).some((key) => countOf(key) >= limit);
}

export function distinctKeys(keys: string[]): string[] {
  return [...new Set(keys)];
}
