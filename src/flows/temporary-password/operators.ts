import type { Clock } from '../../clock/clock';

/** Reads a chat user group's members (Slack: `usergroups.users.list`). */
export interface UserGroupMembers {
  members(groupId: string): Promise<string[]>;
}

export interface OperatorSettings {
  /** `HELPDESK_USERS`: user ids that are operators. */
  users: readonly string[];
  /** `HELPDESK_USERGROUP`: a user group whose members are operators. */
  userGroup?: string;
}

export type OperatorCheck =
  | { kind: 'operator'; via: 'list' | 'group' }
  | { kind: 'not-operator' }
  /** Neither HELPDESK_USERS nor HELPDESK_USERGROUP is set. */
  | { kind: 'help-desk-off' };

/** How long the group's member list is trusted: a removed operator loses access within this. */
export const GROUP_CACHE_MS = 60_000;

/**
 * Who may issue temporary passwords. The user group is read when first needed and then cached
 * briefly; concurrent checks share one read. If the group cannot be read, a listed operator still
 * passes and anyone else gets the error (never a "yes" by default).
 */
export class HelpdeskOperators {
  private readonly users: ReadonlySet<string>;
  private cached?: { members: ReadonlySet<string>; until: number };
  private loading?: Promise<ReadonlySet<string>>;

  constructor(
    private readonly settings: OperatorSettings,
    private readonly groups: UserGroupMembers,
    private readonly clock: Clock,
  ) {
    this.users = new Set(settings.users);
  }

  get enabled(): boolean {
    return this.users.size > 0 || this.settings.userGroup !== undefined;
  }

  async check(userId: string): Promise<OperatorCheck> {
    if (!this.enabled) return { kind: 'help-desk-off' };
    if (this.users.has(userId)) return { kind: 'operator', via: 'list' };
    const group = this.settings.userGroup;
    if (group === undefined) return { kind: 'not-operator' };
    const members = await this.groupMembers(group);
    return members.has(userId) ? { kind: 'operator', via: 'group' } : { kind: 'not-operator' };
  }

  private async groupMembers(group: string): Promise<ReadonlySet<string>> {
    const now = this.clock.now().getTime();
    if (this.cached && this.cached.until > now) return this.cached.members;
    this.loading ??= this.groups
      .members(group)
      .then((ids) => {
        const members = new Set(ids);
        this.cached = { members, until: this.clock.now().getTime() + GROUP_CACHE_MS };
        return members;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
