import type { webApi } from '@slack/bolt';
import type { Locale } from '../../config';
import type { Requester } from '../../flows/shared/requester';
import { localeFromSlack } from '../../i18n';

/**
 * Who is asking, from Slack's own records: the profile email only when Slack has confirmed it
 * (never a typed address, so nobody can aim the flow at someone else), and the Slack locale.
 */
export async function resolveRequester(
  client: webApi.WebClient,
  ids: { teamId: string; userId: string; requestId: string },
  defaultLocale: Locale,
): Promise<Requester> {
  const { user } = await client.users.info({ user: ids.userId, include_locale: true });
  const email = user?.is_email_confirmed === true && !user.deleted && !user.is_bot ? user.profile?.email : undefined;
  return {
    teamId: ids.teamId,
    userId: ids.userId,
    verifiedEmail: email || undefined,
    locale: localeFromSlack(user?.locale, defaultLocale),
    requestId: ids.requestId,
  };
}
