/**
 * Distinguished names compared as LDAP servers compare them for the attributes passdesk uses:
 * attribute types and values without case, spaces around separators ignored.
 */

/** The RDNs of `dn`, normalised; undefined when it is no DN (an RDN without "type=value"). */
export function normalizedRdns(dn: string): string[] | undefined {
  const rdns: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i += 1) {
    const char = dn[i]!;
    if (char === '\\' && i + 1 < dn.length) {
      current += char + dn[i + 1];
      i += 1;
    } else if (char === ',') {
      rdns.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  rdns.push(current);
  const normalized: string[] = [];
  for (const rdn of rdns) {
    const equals = rdn.indexOf('=');
    if (equals <= 0) return undefined;
    const type = rdn.slice(0, equals).trim().toLowerCase();
    const value = rdn.slice(equals + 1).trim().toLowerCase();
    if (type === '' || value === '') return undefined;
    normalized.push(`${type}=${value}`);
  }
  return normalized;
}

/** The key two equal DNs share; undefined when `dn` is no DN. */
export function dnKey(dn: string): string | undefined {
  return normalizedRdns(dn)?.join(',');
}

/** True when `dn` lies below `baseDn` (not the base itself). */
export function isUnder(dn: string, baseDn: string): boolean {
  const rdns = normalizedRdns(dn);
  const base = normalizedRdns(baseDn);
  if (!rdns || !base || rdns.length <= base.length) return false;
  return rdns.slice(rdns.length - base.length).join(',') === base.join(',');
}
