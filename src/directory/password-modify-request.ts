/**
 * The request value of the LDAP Password Modify extended operation (RFC 3062):
 *
 *   PasswdModifyRequestValue ::= SEQUENCE {
 *     userIdentity [0] OCTET STRING OPTIONAL,
 *     oldPasswd    [1] OCTET STRING OPTIONAL,
 *     newPasswd    [2] OCTET STRING OPTIONAL }
 *
 * Encoded in BER with definite, minimal lengths; strings are sent as UTF-8 octets.
 */

export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

export interface PasswordModifyRequest {
  /** The DN whose password changes; omitted: the user bound on the connection. */
  userIdentity?: string;
  /** The current password (a person's own change). */
  oldPassword?: string;
  /** The new password; omitted: the server would generate one (passdesk never asks for that). */
  newPassword?: string;
}

const SEQUENCE = 0x30;
// Context-specific, primitive tags [0], [1], [2].
const USER_IDENTITY = 0x80;
const OLD_PASSWD = 0x81;
const NEW_PASSWD = 0x82;

export function encodePasswordModifyRequest(request: PasswordModifyRequest): Buffer {
  const fields: Buffer[] = [];
  if (request.userIdentity !== undefined) fields.push(tagged(USER_IDENTITY, request.userIdentity));
  if (request.oldPassword !== undefined) fields.push(tagged(OLD_PASSWD, request.oldPassword));
  if (request.newPassword !== undefined) fields.push(tagged(NEW_PASSWD, request.newPassword));
  return tagged(SEQUENCE, Buffer.concat(fields));
}

function tagged(tag: number, content: string | Buffer): Buffer {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.concat([Buffer.of(tag), encodeLength(bytes.length), bytes]);
}

/** Short form below 128, else long form: 0x80 | number of length octets, then the length big-endian. */
export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}
