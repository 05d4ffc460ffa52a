import { DAY_MS, HOUR_MS } from '../../src/clock/durations';
import { countingDirectory } from '../harness/counting-directory';
import type { TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { seedPeople } from '../harness/people';
import { FLAVOURS } from './menu-world';
import { SlackUser } from './slack-user';

/**
 * Starting "Change my password" or "Forgot my username" looks the person up in the directory, so
 * each start counts against the person (LIMIT_FLOWS_PER_DAY) and the workspace
 * (LIMIT_FLOWS_PER_TEAM_PER_HOUR), refused starts included, as the reset's starts do.
 */

const CHANGE_LIMITED = 'A password change was started too many times lately. For your safety, it is paused for a while; please try again later. Nothing was changed.';
const USERNAME_LIMITED = 'Your usernames were looked up too many times lately. For your safety, this is paused for a while; please try again later.';
const NO_ACCOUNT = 'We found no university account with the email address of your Slack profile.';

describe.each(FLAVOURS)('starting "Change my password" and "Forgot my username", on %s', (flavour, launch) => {
  let server: TestDirectoryServer;
  let harness: PassdeskUnderTest;
  let lookUps: () => number;
  let serial = 0;
  beforeAll(async () => {
    server = await launch();
    const counting = countingDirectory(server.env);
    lookUps = counting.lookUps;
    harness = await startPassdeskUnderTest({
      directory: server,
      env: { LIMIT_FLOWS_PER_DAY: '2', LIMIT_FLOWS_PER_TEAM_PER_HOUR: '4' },
      adapters: { directory: counting.directory },
    });
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await server?.stop();
  });

  /** A Slack user with this profile; `email` unset: the staff account of freshly seeded people. */
  async function slackUser(options: { locale?: string; email?: string } = {}): Promise<SlackUser> {
    serial += 1;
    // sAMAccountName: at most 20 characters, and the tag must be unique on a shared DC.
    const tag = `${flavour === 'OpenLDAP' ? 'q' : 'r'}${serial}${Date.now() % 100000}`;
    const email = options.email ?? (await seedPeople(server, { tag })).staff.mail;
    const userId = `U${tag.toUpperCase()}`;
    harness.slack.setUser(userId, { email, locale: options.locale ?? 'en-US' });
    return new SlackUser(harness, userId);
  }

  /** The audit rows of one Slack user (`action result reason`), from the log. */
  function auditOf(userId: string, prefix: string): string[] {
    return harness.logs
      .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; result: string; detail?: { reason?: string } } })
      .flatMap(({ audit }) => (audit?.actor.endsWith(`:${userId}`) && audit.action.startsWith(prefix)
        ? [`${audit.action} ${audit.result} ${audit.detail?.reason ?? ''}`.trim()] : []));
  }

  it('Change my password: two starts a day per person, then refused in their language without a look-up, audited once', async () => {
    const user = await slackUser({ locale: 'it-IT' });
    const before = lookUps();
    for (let i = 0; i < 2; i += 1) {
      await user.openMenu('change');
      expect(user.labels()).toContain('Password attuale');
    }
    expect(lookUps() - before).toBe(2);

    for (let i = 0; i < 2; i += 1) {
      await user.openMenu('change');
      expect(user.text()).toContain('Il cambio password è stato avviato troppe volte di recente.');
      expect(user.labels()).toEqual([]);
    }
    expect(lookUps() - before).toBe(2);
    expect(auditOf(user.id, 'change-password.')).toEqual([
      'change-password.started ok', 'change-password.started ok', 'change-password.refused refused rate-limited',
    ]);

    // Its own allowance: looking up one's usernames is still allowed, and the change is again a day later.
    await user.openMenu('username');
    expect(user.view().title.text).toBe('I tuoi nomi utente');
    expect(user.text()).not.toContain('troppe volte');
    harness.clock.advance(DAY_MS + 1000);
    await user.openMenu('change');
    expect(user.labels()).toContain('Password attuale');
  });

  it('Forgot my username: refused starts (no account) count too, and the refusal is in the person\'s language', async () => {
    const user = await slackUser({ locale: 'pl-PL', email: `nobody-${serial}-${flavour === 'OpenLDAP' ? 'o' : 'a'}@uni.example` });
    const before = lookUps();
    for (let i = 0; i < 2; i += 1) {
      await user.openMenu('username');
      expect(user.text()).toContain('Nie znaleźliśmy konta uczelnianego');
    }
    await user.openMenu('username');
    expect(user.text()).toContain('Twoje loginy były ostatnio sprawdzane zbyt wiele razy.');
    expect(user.text()).not.toContain('Nie znaleźliśmy konta uczelnianego');
    expect(lookUps() - before).toBe(2);
    expect(auditOf(user.id, 'forgot-username.')).toEqual([
      'forgot-username.shown refused no-account', 'forgot-username.shown refused no-account', 'forgot-username.shown refused rate-limited',
    ]);
  });

  it.each([
    ['change', CHANGE_LIMITED],
    ['username', USERNAME_LIMITED],
  ])('/password %s: limited per workspace, and one person past their own allowance does not use up the workspace\'s', async (entry, limited) => {
    // A fresh hour of the workspace's allowance, whatever the tests before used.
    harness.clock.advance(HOUR_MS + 1000);
    const someone = () => slackUser({ email: 'nobody-in-the-directory@uni.example' });
    const persistent = await someone();
    const before = lookUps();
    for (let i = 0; i < 5; i += 1) await persistent.openMenu(entry);
    expect(persistent.text()).toContain(limited);

    const first = await someone();
    const second = await someone();
    const third = await someone();
    await first.openMenu(entry);
    expect(first.text()).toContain(NO_ACCOUNT);
    await second.openMenu(entry);
    expect(second.text()).toContain(NO_ACCOUNT);
    await third.openMenu(entry);
    expect(third.text()).toContain(limited);
    expect(lookUps() - before).toBe(4);
    const journey = entry === 'change' ? 'change-password.' : 'forgot-username.';
    expect(auditOf(third.id, journey)).toEqual([`${journey}${entry === 'change' ? 'refused' : 'shown'} refused rate-limited`]);

    // The workspace's allowance is per hour.
    harness.clock.advance(HOUR_MS + 1000);
    await third.openMenu(entry);
    expect(third.text()).toContain(NO_ACCOUNT);
  });
});
