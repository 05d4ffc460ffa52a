import type { webApi } from '@slack/bolt';
import type { UserGroupMembers } from '../flows/temporary-password/operators';

/** A Slack user group's members (`usergroups.users.list`, scope `usergroups:read`). */
export class SlackUserGroups implements UserGroupMembers {
  constructor(private readonly client: webApi.WebClient) {}

  async members(groupId: string): Promise<string[]> {
    const answer = await this.client.usergroups.users.list({ usergroup: groupId });
    return answer.users ?? [];
  }
}
