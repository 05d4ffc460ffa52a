/**
 * A university-sized people branch as LDIF for slapadd (the sweep benchmark, tests of big result
 * sets): `size` accounts under the default policy (a year), of which `due` expire within the next
 * ten days; the others expire later in the year or expired long ago. pwdChangedTime is written
 * directly (slapadd takes operational attributes).
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PEOPLE_DN } from './slapd';
import { type LdifEntry, writeLdif } from './ldif';

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365 * DAY_MS;

export async function writePeopleLdif(file: string, options: { size: number; due: number; now: Date }): Promise<void> {
  const out = createWriteStream(file);
  await writeLdif(out, entries(options));
  out.end();
  await finished(out);
}

function* entries({ size, due, now }: { size: number; due: number; now: Date }): Generator<LdifEntry> {
  const dueEvery = Math.floor(size / due);
  for (let n = 0; n < size; n += 1) {
    const isDue = n % dueEvery === 0 && n / dueEvery < due;
    // Due: expires in 1 to 9 days. Others: in 20 to 360 days, or (one in ten) expired 40 to 400 days ago.
    const expiresInMs = isDue
      ? (1 + (n % 9)) * DAY_MS - 60_000
      : n % 10 === 0 ? -(40 + (n % 360)) * DAY_MS : (20 + (n % 340)) * DAY_MS;
    const uid = `u${String(n).padStart(6, '0')}`;
    yield {
      dn: `uid=${uid},${PEOPLE_DN}`,
      attributes: {
        objectClass: 'inetOrgPerson',
        uid,
        cn: `Person ${n}`,
        sn: `Person${n}`,
        givenName: 'Bench',
        mail: `${uid}@uni.example`,
        employeeNumber: `E${n}`,
        userPassword: `Bench-Password-${n}!`,
        pwdChangedTime: generalizedTime(now.getTime() + expiresInMs - YEAR_MS),
      },
    };
  }
}

function generalizedTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
