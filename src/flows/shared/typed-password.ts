/**
 * A new password as the person meant it: in Unicode NFC, so that "é" typed on a Mac (e + a
 * combining accent) and on Windows (one character) is one password, whichever keyboard sets
 * it and whichever logs in with it. Never trimmed: a space at either end is part of it.
 * Every journey that takes a new password passes it through here before checking or writing it.
 */
export function normaliseNewPassword(typed: string): string {
  return typed.normalize('NFC');
}
