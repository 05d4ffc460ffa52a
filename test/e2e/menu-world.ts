import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import type { Directory } from '../../src/directory/directory';
import type { TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { JAN_PHONE, type SeededPeople, seedPeople } from '../harness/people';
import { connectSamba } from '../harness/samba';
import { startSlapd } from '../harness/slapd';
import { nextSmsCode, SlackUser } from './slack-user';

/**
 * The `/password` menu's end-to-end world, once per directory flavour: a real slapd or Samba DC,
 * passdesk configured only through its environment, fresh people per test.
 */
export const FLAVOURS: [string, () => Promise<TestDirectoryServer>][] = [
  ['OpenLDAP', startSlapd],
  ['Active Directory', connectSamba],
];

/** The identity check's and the code's labels, as the person reads them. */
export const PHONE_DIGITS = 'Last 3 digits of your registered phone number';
export const CODE = 'Code from the SMS';

export interface MenuWorld {
  directory: TestDirectoryServer;
  harness: PassdeskUnderTest;
  /** passdesk's own adapter on the same server, for set-up (a temporary password) and reading state. */
  adapter(): Directory;
  newPerson(options?: { slackEmail?: (people: SeededPeople) => string; locale?: string }): Promise<{ people: SeededPeople; user: SlackUser; tag: string }>;
  /** Audit actions (`action result`) recorded for this Slack user, from the log. */
  auditActions(userId: string): string[];
  /**
   * Passes the identity check (a seeded person's phone is JAN_PHONE) and types the SMS code it
   * sent; returns the number that code went to.
   */
  proveIdentity(user: SlackUser): Promise<string | undefined>;
  stop(): Promise<void>;
}

export async function startMenuWorld(flavour: string, launch: () => Promise<TestDirectoryServer>, env: Record<string, string> = {}): Promise<MenuWorld> {
  const directory = await launch();
  const harness = await startPassdeskUnderTest({
    directory,
    env: { LIMIT_FLOWS_PER_DAY: '1000', LIMIT_SMS_PER_HOUR: '1000', LIMIT_WRONG_ANSWERS_PER_HOUR: '1000', ...env },
  });
  let serial = 0;
  return {
    directory,
    harness,
    adapter: () => createDirectory(loadConfig(harness.env).ldap, systemClock),
    async newPerson(options = {}) {
      serial += 1;
      // sAMAccountName: at most 20 characters, and the tag must be unique on a shared DC.
      const tag = `${flavour === 'OpenLDAP' ? 'm' : 'n'}${serial}${Date.now() % 100000}`;
      const people = await seedPeople(directory, { tag });
      const userId = `U${tag.toUpperCase()}`;
      harness.slack.setUser(userId, {
        email: options.slackEmail ? options.slackEmail(people) : people.staff.mail,
        locale: options.locale ?? 'en-US',
      });
      return { people, user: new SlackUser(harness, userId), tag };
    },
    auditActions(userId) {
      return harness.logs
        .map((line) => JSON.parse(line) as { audit?: { actor: string; action: string; result: string } })
        .filter((entry) => entry.audit?.actor.endsWith(`:${userId}`))
        .map((entry) => `${entry.audit?.action} ${entry.audit?.result}`);
    },
    async proveIdentity(user) {
      const since = harness.twilio.messages.length;
      await user.submit([[PHONE_DIGITS, JAN_PHONE.slice(-3)], user.challenge()]);
      const code = await nextSmsCode(harness, since);
      const to = harness.twilio.messages.at(-1)?.to;
      await user.submit([[CODE, code]]);
      return to;
    },
    async stop() {
      await harness.stop();
      await directory.stop();
    },
  };
}

/**
 * The world of one `describe` block: started before its tests, stopped after them. Use it inside
 * the tests (it does not exist yet while the block is being defined).
 */
export function menuWorldFor(flavour: string, launch: () => Promise<TestDirectoryServer>, env: Record<string, string> = {}): MenuWorld {
  let started: MenuWorld | undefined;
  beforeAll(async () => {
    started = await startMenuWorld(flavour, launch, env);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  const world = (): MenuWorld => {
    if (!started) throw new Error('the menu world has not started');
    return started;
  };
  return {
    get directory() { return world().directory; },
    get harness() { return world().harness; },
    adapter: () => world().adapter(),
    newPerson: (options) => world().newPerson(options),
    auditActions: (userId) => world().auditActions(userId),
    proveIdentity: (user) => world().proveIdentity(user),
    stop: () => world().stop(),
  };
}
