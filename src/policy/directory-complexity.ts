/**
 * The directory's "password must meet complexity requirements" (Active Directory's domain setting,
 * which Samba implements too), defined once: the checklist shown before typing
 * (`password-policy.ts`) and the reasons given for a refusal the server did not explain
 * (`directory/ad-password.ts`) both ask this function, so they cannot disagree.
 *
 * The rule, as Microsoft documents it:
 * - characters from at least three of five classes: upper-case, lower-case, digits 0-9, the
 *   symbols ~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/ and letters without case;
 * - not the account name, when it has 3 characters or more (case-insensitive);
 * - no token of the display name of 3 characters or more, the name split at , . - _ # tab and space.
 *
 * Where servers differ (Samba also counts any other non-ASCII character as the fifth class), this
 * may refuse a password the server would accept, never the reverse.
 */
import { characterClasses } from './character-classes';

/** Whose password it is: account names are compared whole, name parts split into tokens. */
export interface ComplexitySubject {
  usernames: string[];
  nameParts: string[];
}

const MIN_CLASSES = 3;
const NAME_DELIMITERS = /[,.\-_#\t ]+/u;
const MIN_TOKEN_LENGTH = 3;

export function meetsDirectoryComplexity(password: string, subject: ComplexitySubject): boolean {
  if (characterClasses(password).size < MIN_CLASSES) return false;
  const lower = password.toLowerCase();
  const nameTokens = subject.nameParts.flatMap((part) => part.split(NAME_DELIMITERS));
  return ![...subject.usernames, ...nameTokens]
    .filter((token) => [...token].length >= MIN_TOKEN_LENGTH)
    .some((token) => lower.includes(token.toLowerCase()));
}
