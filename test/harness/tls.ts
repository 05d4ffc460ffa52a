import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificates {
  /** PEM of the throwaway CA: what `LDAP_CA_FILE` points at. */
  caFile: string;
  /** Server certificate for 127.0.0.1 and localhost, signed by the CA. */
  certFile: string;
  keyFile: string;
}

/** Makes a throwaway CA and a server certificate for `ip` (default 127.0.0.1) and localhost in `dir` (openssl). */
export function createTestCertificates(dir: string, ip = '127.0.0.1'): TestCertificates {
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const certFile = join(dir, 'server.pem');
  const ext = join(dir, 'server.ext');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', caFile,
    '-days', '2', '-subj', '/CN=passdesk test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', csr,
    '-subj', '/CN=localhost');
  writeFileSync(ext, [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    `subjectAltName=IP:${ip},DNS:localhost`,
    '',
  ].join('\n'));
  openssl('x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial',
    '-out', certFile, '-days', '2', '-extfile', ext);
  return { caFile, certFile, keyFile };
}
