import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How many digits a code has: the seed procedure's six, what people expect of an SMS code. */
export const CODE_DIGITS = 6;

/** A fresh code of CODE_DIGITS digits, uniformly drawn (leading zeros kept). */
export function generateCode(): string {
  return randomInt(0, 10 ** CODE_DIGITS).toString().padStart(CODE_DIGITS, '0');
}

/**
 * The only form in which a code is stored: a keyed hash bound to one flow, so a code is worth
 * nothing in another flow and the store alone cannot be used to recover it.
 */
export function hashCode(key: string, flowId: string, code: string): string {
  return createHmac('sha256', key).update(`code:${flowId}:${code}`).digest('hex');
}

export function codeMatches(key: string, flowId: string, typed: string, storedHash: string): boolean {
  const typedHash = Buffer.from(hashCode(key, flowId, typed), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === typedHash.length && timingSafeEqual(typedHash, stored);
}

/** What people type: "123 456", "123-456" → "123456"; undefined unless exactly CODE_DIGITS digits remain. */
export function normaliseTypedCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return digits.length === CODE_DIGITS && /^\d+$/.test(digits) ? digits : undefined;
}
