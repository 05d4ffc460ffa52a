import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';
import { allowedWrongTries, WrongCurrentGuard } from '../../src/flows/change-password/wrong-current-guard';
import { Limiter } from '../../src/regulation/limiter';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { FakeClock } from '../harness/fake-clock';
import { DEFAULT_POLICY, startSlapd, type SlapdServer } from '../harness/slapd';

let server: SlapdServer;
beforeAll(async () => {
  server = await startSlapd();
});
afterAll(async () => {
  await server?.stop();
});

function guardOn(clock: FakeClock) {
  const env = server.env;
  const directory = new OpenLdapDirectory({
    connector: new LdapConnector({ url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
      bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 5_000 }),
    baseDn: env.LDAP_BASE_DN!, mailAttr: 'mail', phoneAttr: 'mobile', defaultPolicyDn: env.LDAP_PPOLICY_DN,
  });
  return new WrongCurrentGuard({ directory, limiter: new Limiter(new MemoryStore(), clock, 'test-secret-key-for-counters'), wrongAnswersPerHour: 10 });
}

let n = 0;
async function person(): Promise<{ dn: string; password: string }> {
  n += 1;
  const password = `Guarded-Pass-${n}!`;
  const dn = await server.addAccount({ username: `guarded${n}`, mail: `guarded${n}@uni.example`, password, givenName: 'G', sn: 'Uard' });
  return { dn, password };
}

describe('wrong current passwords', () => {
  it('are allowed up to two fewer than the lockout threshold; a strict threshold is assumed when unknown', () => {
    expect(allowedWrongTries(5, 10)).toBe(3);
    expect(allowedWrongTries(3, 10)).toBe(1);
    expect(allowedWrongTries(2, 10)).toBe(0);
    expect(allowedWrongTries('unknown', 10)).toBe(1);
    expect(allowedWrongTries('never', 10)).toBe(10);
  });

  it("count passdesk's own tries in the store for an hour, per account", async () => {
    const clock = new FakeClock();
    const guard = guardOn(clock);
    const { dn } = await person();
    const other = await person();
    expect(await guard.triesLeft(dn)).toBe(DEFAULT_POLICY.maxFailure - 2);

    for (let i = 0; i < 3; i += 1) await guard.recordWrong('slack:T:U1', dn);

    expect(await guard.triesLeft(dn)).toBe(0);
    expect(await guard.triesLeft(other.dn)).toBe(3);
    clock.advance(60 * 60 * 1000 + 1);
    expect(await guard.triesLeft(dn)).toBe(3);
  });

  it('count a check under way as a wrong one until it is settled, so checks at the same time share the allowance', async () => {
    const guard = guardOn(new FakeClock());
    const { dn } = await person();

    const reserved = await Promise.all([1, 2, 3, 4, 5].map(() => guard.reserve(dn)));

    expect(reserved.filter((reservation) => reservation.kind === 'reserved')).toHaveLength(DEFAULT_POLICY.maxFailure - 2);
    expect(reserved.filter((reservation) => reservation.kind === 'stopped')).toHaveLength(2);
    expect(await guard.triesLeft(dn)).toBe(0);
    // Settled: a right password gives its try back, a wrong one keeps it.
    await guard.settle('slack:T:U3', dn, 'right');
    await guard.settle('slack:T:U3', dn, 'wrong');
    expect(await guard.triesLeft(dn)).toBe(1);
  });

  it('are never risked where the lockout threshold is 1 or 2: no check is taken, and the reason is its own', async () => {
    const guard = guardOn(new FakeClock());
    for (const threshold of [1, 2]) {
      const { dn } = await person();
      await server.assignPolicy(dn, await server.addPolicy(`guard-strict-${n}`, { pwdLockout: 'TRUE', pwdMaxFailure: String(threshold) }));

      await expect(guard.reserve(dn)).resolves.toEqual({ kind: 'threshold-too-low' });
    }
    // Threshold 3 leaves one try: that is a check taken, then stopped.
    const { dn } = await person();
    await server.assignPolicy(dn, await server.addPolicy(`guard-strict-${n}`, { pwdLockout: 'TRUE', pwdMaxFailure: '3' }));
    await expect(guard.reserve(dn)).resolves.toEqual({ kind: 'reserved', triesLeft: 1 });
    await expect(guard.reserve(dn)).resolves.toEqual({ kind: 'stopped' });
  });

  it("count the directory's own failures too (wrong logins elsewhere), whichever is higher", async () => {
    const guard = guardOn(new FakeClock());
    const { dn } = await person();
    await server.canBind(dn, 'Wrong-Elsewhere-1!');
    await server.canBind(dn, 'Wrong-Elsewhere-2!');

    expect(await guard.triesLeft(dn)).toBe(1);
  });

  it('stop the person after the hourly wrong-answer allowance, whichever accounts', async () => {
    const guard = guardOn(new FakeClock());
    const accounts = [await person(), await person(), await person(), await person()];
    for (const { dn } of accounts) for (let i = 0; i < 2; i += 1) await guard.recordWrong('slack:T:U2', dn);
    expect(await guard.personStopped('slack:T:U2')).toBe(false);
    await guard.recordWrong('slack:T:U2', accounts[0].dn);
    await guard.recordWrong('slack:T:U2', accounts[1].dn);
    expect(await guard.personStopped('slack:T:U2')).toBe(true);
  });
});
