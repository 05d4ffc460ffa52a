import { webApi } from '@slack/bolt';
import { networkCodeOf, type StartupCheck } from '../ops/startup/startup-checks';

/** `auth.test` with the bot token: Slack answers, and accepts SLACK_BOT_TOKEN. */
export function slackTokenCheck(client: webApi.WebClient): StartupCheck {
  return {
    name: 'slack',
    async run() {
      try {
        await client.auth.test();
      } catch (error) {
        throw new Error(describeSlackFailure(error));
      }
    },
  };
}

function describeSlackFailure(error: unknown): string {
  const { code, data, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
  };
  if (code === webApi.ErrorCode.PlatformError) {
    const slackError = typeof data?.error === 'string' && /^[a-z_]+$/.test(data.error) ? data.error : 'error';
    return `SLACK_BOT_TOKEN refused by auth.test (${slackError})`;
  }
  if (code === webApi.ErrorCode.HTTPError) return `the Slack Web API answered HTTP ${String(statusCode)} (check SLACK_API_URL)`;
  if (code === webApi.ErrorCode.RateLimitedError) return 'the Slack Web API rate-limited auth.test; try again in a minute';
  return `cannot reach the Slack Web API (${networkCodeOf(error) ?? reasonOf(error)}); check SLACK_API_URL and the network`;
}

/** The reason our Slack fetch gave: `could not reach Slack (bad port)`. */
function reasonOf(error: unknown): string {
  const message = (error as { original?: { message?: unknown } } | undefined)?.original?.message;
  const reason = typeof message === 'string' ? /^could not reach Slack \((.+)\)$/.exec(message)?.[1] : undefined;
  return reason ?? 'no answer';
}
