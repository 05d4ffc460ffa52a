/**
 * Reading attribute values from an ldapts search entry, for both adapters. ldapts gives a missing
 * requested attribute as `[]` (truthy), one value as a bare string or Buffer and several as an
 * array, and servers may spell attribute names in another case; every read goes through here.
 */
import type { Entry } from 'ldapts';

/** Values of `name` (case-insensitive) as strings; empty values count as absent. */
export function entryValues(entry: Entry, name: string): string[] {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'dn' || key.toLowerCase() !== wanted) continue;
    const list: (string | Buffer)[] = Array.isArray(value) ? [...value] : [value];
    return list.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item)).filter((item) => item !== '');
  }
  return [];
}

/** The first value of `name`; undefined when absent or empty. */
export function firstValue(entry: Entry, name: string): string | undefined {
  return entryValues(entry, name)[0];
}
