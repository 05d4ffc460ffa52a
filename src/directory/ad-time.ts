/**
 * Active Directory time values: FILETIME (100-nanosecond ticks since 1601-01-01 UTC, e.g.
 * `pwdLastSet`, `msDS-UserPasswordExpiryTimeComputed`) and intervals (negative tick counts on the
 * domain object, e.g. `lockoutDuration`). They exceed 2^53, so they are parsed as BigInt.
 */

const TICKS_PER_MILLISECOND = 10_000n;
/** Milliseconds from 1601-01-01 to 1970-01-01. */
const EPOCH_OFFSET_MS = 11_644_473_600_000n;
/** AD's "never": the largest signed 64-bit value. */
export const FILETIME_NEVER = 0x7fff_ffff_ffff_ffffn;

/** A FILETIME as a Date; null for absent, 0 ("not set") and "never". */
export function fileTimeToDate(value: string | undefined): Date | null {
  const ticks = parseTicks(value);
  if (ticks === undefined || ticks <= 0n || ticks >= FILETIME_NEVER) return null;
  return new Date(Number(ticks / TICKS_PER_MILLISECOND - EPOCH_OFFSET_MS));
}

/** A Date as a FILETIME tick count. */
export function dateToFileTime(date: Date): bigint {
  return (BigInt(date.getTime()) + EPOCH_OFFSET_MS) * TICKS_PER_MILLISECOND;
}

/**
 * A domain interval (stored negative, e.g. `-18000000000` for 30 minutes) in milliseconds.
 * Undefined when absent; `Infinity` for AD's "forever" (the most negative 64-bit value).
 */
export function intervalToMilliseconds(value: string | undefined): number | undefined {
  const ticks = parseTicks(value);
  if (ticks === undefined) return undefined;
  if (ticks === -0x8000_0000_0000_0000n) return Infinity;
  const magnitude = ticks < 0n ? -ticks : ticks;
  return Number(magnitude / TICKS_PER_MILLISECOND);
}

/** A decimal tick count, or undefined when the value is absent or not an integer. */
export function parseTicks(value: string | undefined): bigint | undefined {
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return BigInt(value);
}
