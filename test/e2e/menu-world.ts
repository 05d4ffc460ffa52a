import { systemClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config';
import { createDirectory } from '../../src/directory/create-directory';
import type { Directory } from '../../src/directory/directory';
import type { TestDirectoryServer } from '../harness/directory-server';
import { type PassdeskUnderTest, startPassdeskUnderTest } from '../harness/passdesk-under-test';
import { type SeededPeople, seedPeople } from '../harness/people';
import { connectSamba } from '../harness/samba';
import { startSlapd } from '../harness/slapd';
import { SlackUser } from './slack-user';

/**
 * The `/password` menu's end-to-end world, once per directory flavour: a real slapd or Samba DC,
 * passdesk configured only through its environment, fresh people per test.
 */
export const FLAVOURS: [string, () => Promise<TestDirectoryServer>][] = [
  ['OpenLDAP', startSlapd],
  ['Active Directory', connectSamba],
];

export interface MenuWorld {
  directory: TestDirectoryServer;
  harness: PassdeskUnderTest;
  /** passdesk's own adapter on the same server, for set-up (a temporary password) and reading state. */
  adapter(): Directory;
  newPerson(options?: { slackEmail?: (people: SeededPeople) => string; locale?: string }): Promise<{ people: SeededPeople; user: SlackUser; tag: string }>;
  /** Audit actions (`action result`) recorded for this Slack user, from the log. */
  auditActions(userId: string): string[];
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
    async stop() {
      await harness.stop();
      await directory.stop();
    },
  };
}
