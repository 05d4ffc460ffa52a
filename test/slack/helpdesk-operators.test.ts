/**
 * Who is a help-desk operator: HELPDESK_USERS, and members of HELPDESK_USERGROUP read through the
 * real Slack Web API client from the fake Slack (`usergroups.users.list`), cached briefly.
 */
import { webApi } from '@slack/bolt';
import { GROUP_CACHE_MS, HelpdeskOperators } from '../../src/flows/temporary-password/operators';
import { SlackUserGroups } from '../../src/slack/slack-user-groups';
import { FakeClock } from '../harness/fake-clock';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';

let slack: FakeSlack;
let groups: SlackUserGroups;
beforeAll(async () => {
  slack = await startFakeSlack({ userGroups: { S0HELPDESK: ['U0GROUPOP'] } });
  groups = new SlackUserGroups(new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }));
});
afterAll(() => slack.stop());
beforeEach(() => slack.setUserGroup('S0HELPDESK', ['U0GROUPOP']));

const groupReads = () => slack.calls.filter((call) => call.method === 'usergroups.users.list').length;

describe('help-desk operators', () => {
  it('is off, and says so, when neither HELPDESK_USERS nor HELPDESK_USERGROUP is set', async () => {
    const operators = new HelpdeskOperators({ users: [] }, groups, new FakeClock());
    expect(operators.enabled).toBe(false);
    await expect(operators.check('U0GROUPOP')).resolves.toEqual({ kind: 'help-desk-off' });
  });

  it('lets the listed users in, and no one else, without asking Slack', async () => {
    const before = groupReads();
    const operators = new HelpdeskOperators({ users: ['U0LISTED', 'U0OTHER'] }, groups, new FakeClock());
    await expect(operators.check('U0LISTED')).resolves.toEqual({ kind: 'operator', via: 'list' });
    await expect(operators.check('U0GROUPOP')).resolves.toEqual({ kind: 'not-operator' });
    expect(groupReads()).toBe(before);
  });

  it('lets the user group\'s members in, reading the group once per minute at most', async () => {
    const clock = new FakeClock();
    const operators = new HelpdeskOperators({ users: ['U0LISTED'], userGroup: 'S0HELPDESK' }, groups, clock);
    const before = groupReads();
    const answers = await Promise.all([operators.check('U0GROUPOP'), operators.check('U0STRANGER'), operators.check('U0GROUPOP')]);
    expect(answers).toEqual([{ kind: 'operator', via: 'group' }, { kind: 'not-operator' }, { kind: 'operator', via: 'group' }]);
    expect(groupReads()).toBe(before + 1);
    const read = slack.calls.filter((call) => call.method === 'usergroups.users.list').at(-1);
    expect(read?.args.usergroup).toBe('S0HELPDESK');

    // Removed from the group: still in while the cache lasts, out once it has run out.
    slack.setUserGroup('S0HELPDESK', ['U0NEWOP']);
    clock.advance(GROUP_CACHE_MS - 1_000);
    await expect(operators.check('U0GROUPOP')).resolves.toEqual({ kind: 'operator', via: 'group' });
    clock.advance(2_000);
    await expect(operators.check('U0GROUPOP')).resolves.toEqual({ kind: 'not-operator' });
    await expect(operators.check('U0NEWOP')).resolves.toEqual({ kind: 'operator', via: 'group' });
    expect(groupReads()).toBe(before + 2);
  });

  it('never says yes when the group cannot be read; listed users still get in', async () => {
    const operators = new HelpdeskOperators({ users: ['U0LISTED'], userGroup: 'S0MISSING' }, groups, new FakeClock());
    await expect(operators.check('U0GROUPOP')).rejects.toThrow(/no_such_subteam/);
    await expect(operators.check('U0LISTED')).resolves.toEqual({ kind: 'operator', via: 'list' });
    // A failed read is not cached: the next check asks again.
    const before = groupReads();
    await expect(operators.check('U0GROUPOP')).rejects.toThrow();
    expect(groupReads()).toBe(before + 1);
  });
});
