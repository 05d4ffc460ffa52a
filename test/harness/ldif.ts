/**
 * LDIF (RFC 2849) for slapadd: entries as `dn` plus attribute values, written one entry at a time
 * so a large directory never sits in memory. Values that LDIF cannot carry as plain text are base64.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface LdifEntry {
  dn: string;
  attributes: Record<string, string | string[]>;
}

/** One entry as LDIF text, ending with the blank line that separates entries. */
export function ldifEntry(entry: LdifEntry): string {
  const lines = [line('dn', entry.dn)];
  for (const [name, value] of Object.entries(entry.attributes)) {
    for (const item of Array.isArray(value) ? value : [value]) lines.push(line(name, item));
  }
  return `${lines.join('\n')}\n\n`;
}

/** Writes entries to `out`, waiting whenever the stream asks to (backpressure). */
export async function writeLdif(out: Writable, entries: Iterable<LdifEntry>): Promise<void> {
  for (const entry of entries) {
    if (!out.write(ldifEntry(entry))) await once(out, 'drain');
  }
}

function line(name: string, value: string): string {
  // SAFE-STRING: printable ASCII, not starting with space, colon or '<', not ending with space.
  const safe = /^[\x01-\x09\x0b\x0c\x0e-\x1f\x21-\x39\x3b\x3d-\x7f][\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value) && !value.endsWith(' ');
  return safe || value === '' ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}
