import { slackActor } from '../../audit/actor';
import { type EndedScreen, endedOutcome, type Outcome } from '../../flows/shared/outcome';
import { slackErrorCode } from './slack-error';
import type { SlackDeps } from './slack-deps';

/**
 * A journey step that threw (Slack's API failing, a bug, the store down) still answers the
 * person in words, and is logged and audited as `<auditPrefix>.failed`.
 */
export async function safeOutcome<Screen>(
  deps: SlackDeps,
  auditPrefix: string,
  who: { teamId: string; userId: string; requestId: string },
  step: () => Promise<Outcome<Screen>>,
): Promise<Outcome<Screen | EndedScreen>> {
  try {
    return await step();
  } catch (error) {
    const cause = slackErrorCode(error);
    deps.logger.error({ requestId: who.requestId, journey: auditPrefix, err: cause }, 'journey step failed');
    await deps.audit
      .record({ actor: slackActor(who), action: `${auditPrefix}.failed`, result: 'failed',
        detail: { cause }, requestId: who.requestId })
      .catch(() => undefined); // the store may be what failed; the log line above still tells
    return endedOutcome<never>(deps.defaultLocale, 'unexpected');
  }
}
