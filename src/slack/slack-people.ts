import type { webApi } from '@slack/bolt';
import type { ChatPeople, ChatProfile } from '../flows/temporary-password/journey-types';
import { localeFromSlack } from '../i18n';
import type { Locale } from '../config';

type SlackUser = NonNullable<Awaited<ReturnType<webApi.WebClient['users']['info']>>['user']>;

/** Workspace members as the help desk needs them (`users.info`, `users.lookupByEmail`). */
export class SlackPeople implements ChatPeople {
  constructor(private readonly client: webApi.WebClient, private readonly defaultLocale: Locale) {}

  async profile(userId: string): Promise<ChatProfile | undefined> {
    const { user } = await this.client.users.info({ user: userId, include_locale: true });
    if (!user || user.deleted || user.is_bot) return undefined;
    return {
      name: user.profile?.real_name || user.real_name || user.name || userId,
      confirmedEmail: confirmedEmail(user),
      locale: localeFromSlack(user.locale, this.defaultLocale),
    };
  }

  async findByEmail(mail: string): Promise<string | undefined> {
    try {
      const { user } = await this.client.users.lookupByEmail({ email: mail });
      return user && confirmedEmail(user as SlackUser) ? user.id : undefined;
    } catch {
      return undefined; // users_not_found: this person is not in the workspace
    }
  }
}

function confirmedEmail(user: SlackUser): string | undefined {
  if (user.is_email_confirmed !== true || user.deleted || user.is_bot) return undefined;
  return user.profile?.email || undefined;
}
