/**
 * The expiry reminders' Slack side: finding a person by mail (users.lookupByEmail, then users.info
 * for their language) and posting the reminder to their DM, each method paced under Slack's rates.
 * Its Web API client rejects rate-limited calls instead of waiting inside (so a long Retry-After
 * never stalls the bot's interactive calls): a lookup waits and tries again, a post goes back to
 * the sweep (RetryLaterError), which sends it later or leaves it for the next sweep.
 */
import { webApi } from '@slack/bolt';
import type { Locale } from '../../config';
import type { ChatPerson, ChatReminderChannel, PersonFinder, Reminder } from '../../flows/expiry-reminders/reminder-ports';
import { RetryLaterError } from '../../flows/expiry-reminders/reminder-ports';
import { localeFromSlack } from '../../i18n';
import type { Logger } from '../../log/logger';
import { slackErrorCode } from '../shared/slack-error';
import { reminderMessage } from '../views/expiry-reminders/reminder-message';
import { type RateLimit, RatePacer, SLACK_RATE_LIMITS } from './rate-pacer';

const LOOKUP_ATTEMPTS = 5;

export interface SlackReminderChannelOptions {
  client: webApi.WebClient;
  defaultLocale: Locale;
  logger: Logger;
  limits?: Partial<Record<keyof typeof SLACK_RATE_LIMITS, RateLimit>>;
}

export class SlackReminderChannel implements PersonFinder, ChatReminderChannel {
  private readonly lookupPacer: RatePacer;
  private readonly infoPacer: RatePacer;
  private readonly postPacer: RatePacer;

  constructor(private readonly options: SlackReminderChannelOptions) {
    const limits = { ...SLACK_RATE_LIMITS, ...options.limits };
    this.lookupPacer = new RatePacer(limits.lookupByEmail);
    this.infoPacer = new RatePacer(limits.usersInfo);
    this.postPacer = new RatePacer(limits.postMessage);
  }

  async findByMail(addresses: string[], signal?: AbortSignal): Promise<ChatPerson | undefined> {
    for (const email of addresses) {
      const found = await this.withRetries(this.lookupPacer, () => this.options.client.users.lookupByEmail({ email }), signal, 'users_not_found');
      const user = found?.user;
      if (!user?.id || !user.team_id || user.deleted || user.is_bot) continue;
      const info = await this.withRetries(this.infoPacer, () => this.options.client.users.info({ user: user.id!, include_locale: true }), signal)
        .catch((error: unknown) => {
          if (signal?.aborted) throw error;
          this.options.logger.warn({ slackError: slackErrorCode(error) }, 'users.info failed; the reminder uses the default language');
          return undefined;
        });
      return {
        teamId: user.team_id,
        userId: user.id,
        locale: localeFromSlack(info?.user?.locale, this.options.defaultLocale),
        timeZone: user.tz || info?.user?.tz || undefined,
      };
    }
    return undefined;
  }

  async send(userId: string, reminder: Reminder, signal?: AbortSignal): Promise<void> {
    await this.postPacer.acquire(signal);
    const message = reminderMessage(reminder);
    try {
      // A user id as the channel posts to the app's DM with that user.
      await this.options.client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    } catch (error) {
      const retryAfterMs = rateLimitedFor(error);
      if (retryAfterMs === undefined) throw error;
      this.postPacer.pause(retryAfterMs);
      throw new RetryLaterError(retryAfterMs);
    }
  }

  /** Runs a read, waiting out 429s; `absent` is the Slack error that means "nobody" (undefined). */
  private async withRetries<T>(pacer: RatePacer, call: () => Promise<T>, signal?: AbortSignal, absent?: string): Promise<T | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      await pacer.acquire(signal);
      try {
        return await call();
      } catch (error) {
        if (absent && slackErrorCode(error) === absent) return undefined;
        const retryAfterMs = rateLimitedFor(error);
        if (retryAfterMs === undefined || attempt >= LOOKUP_ATTEMPTS) throw error;
        pacer.pause(retryAfterMs);
      }
    }
  }
}

/** The wait a 429 asked for, in ms; undefined for any other error. */
function rateLimitedFor(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, retryAfter } = error as { code?: unknown; retryAfter?: unknown };
  if (code !== webApi.ErrorCode.RateLimitedError) return undefined;
  return (typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : 1) * 1000;
}

/** A Web API client for the sweep: same token and URL as the bot's, rate limits returned to us. */
export function createSweepSlackClient(settings: { botToken: string; apiUrl?: string }, logger: webApi.WebClientOptions['logger']): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl ? (settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`) : undefined,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
    logger,
  });
}
