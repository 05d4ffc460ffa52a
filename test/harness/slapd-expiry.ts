/**
 * What the expiry tests do to a throwaway slapd as its root DN: move when a password was last set
 * (pwdChangedTime is operational: written with the Relax Rules control), require a change at next
 * login, and add a ppolicy policy of their own.
 */
import { readFileSync } from 'node:fs';
import { Attribute, Change, Client, Control, DN } from 'ldapts';
import { SUFFIX, type SlapdServer } from './slapd';

/** Relax Rules: lets the root DN write attributes the server normally keeps to itself. */
const RELAX_RULES_OID = '1.3.6.1.4.1.4203.666.5.12';

export async function setPasswordChangedTime(server: SlapdServer, dn: string, at: Date): Promise<void> {
  const value = at.toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
  await asRoot(server, (client) => client.modify(dn, replace('pwdChangedTime', value), new Control(RELAX_RULES_OID, { critical: true })));
}

/** pwdReset TRUE, as after an administrator's reset: the password must be changed at the next login. */
export async function requirePasswordChange(server: SlapdServer, dn: string): Promise<void> {
  await asRoot(server, (client) => client.modify(dn, replace('pwdReset', 'TRUE')));
}

/** A ppolicy policy entry under ou=policies with this maximum age; returns its DN. */
export async function addPolicy(server: SlapdServer, name: string, maxAgeSeconds: number): Promise<string> {
  const dn = `${new DN({ cn: name }).toString()},ou=policies,${SUFFIX}`;
  await asRoot(server, (client) => client.add(dn, {
    objectClass: ['organizationalRole', 'pwdPolicy'],
    cn: name,
    pwdAttribute: 'userPassword',
    pwdMaxAge: String(maxAgeSeconds),
  }));
  return dn;
}

function replace(type: string, value: string): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });
}

async function asRoot<T>(server: SlapdServer, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: readFileSync(server.caFile) }, timeout: 5_000 });
  try {
    await client.bind(server.rootDn, server.rootPassword);
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
