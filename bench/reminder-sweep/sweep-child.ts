/**
 * Measured runs of the sweep's directory pass in a process of its own (so its peak RSS is its own):
 * the same `scanDue` the sweep runs, over the real OpenLDAP adapter. The first run is the cold one
 * (`npm run reminders` starting); the second runs in a process that has run it once; then, after a
 * few more, the median of five "hot" runs: the bot's daily sweep in a process whose LDAP code is
 * hot from a day of look-ups. Prints one JSON line.
 */
import { scanDue } from '../../src/flows/expiry-reminders/sweep-scan';
import { LdapConnector } from '../../src/directory/ldap-connector';
import { OpenLdapDirectory } from '../../src/directory/openldap-directory';

async function main(): Promise<void> {
  const env = process.env;
  const now = new Date(Number(env.BENCH_NOW));
  const directory = new OpenLdapDirectory({
    connector: new LdapConnector({
      url: env.LDAP_URL!, caFile: env.LDAP_CA_FILE, insecure: false,
      bindDn: env.LDAP_BIND_DN!, bindPassword: env.LDAP_BIND_PASSWORD!, timeoutMs: 120_000,
    }),
    baseDn: env.LDAP_BASE_DN!,
    mailAttr: 'mail',
    phoneAttr: 'mobile',
    linkAttr: 'employeeNumber',
    defaultPolicyDn: env.LDAP_PPOLICY_DN,
    clock: { now: () => now },
  });
  const scan = async () => {
    const started = performance.now();
    const { scanned, groups } = await scanDue({
      directory,
      schedule: { windowsDays: [10], expiredDays: 30 },
      pageSize: Number(env.BENCH_PAGE_SIZE),
    }, now);
    return { ms: performance.now() - started, scanned, due: groups.length };
  };
  const cold = await scan();
  const warm = await scan();
  for (let run = 0; run < 3; run += 1) await scan();
  const hot: number[] = [];
  for (let run = 0; run < 5; run += 1) hot.push((await scan()).ms);
  await directory.close();
  const hotMs = hot.sort((a, b) => a - b)[2];
  process.stdout.write(`${JSON.stringify({ coldMs: cold.ms, hotMs, ...warm, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sweep child failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
