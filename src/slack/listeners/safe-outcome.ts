import { slackActor } from '../../audit/actor';
import type { ResetOutcome } from '../../flows/password-reset/journey-types';
import { slackErrorCode } from '../answer-submission';
import type { ListenerDeps } from './listener-deps';

/**
 * A journey step that threw (Slack's API failing, a bug, the store down) still answers the
 * person in words, and is logged and audited.
 */
export async function safeOutcome(
  deps: ListenerDeps,
  who: { teamId: string; userId: string; requestId: string },
  step: () => Promise<ResetOutcome>,
): Promise<ResetOutcome> {
  try {
    return await step();
  } catch (error) {
    const cause = slackErrorCode(error);
    deps.logger.error({ requestId: who.requestId, err: cause }, 'password reset step failed');
    await deps.audit
      .record({ actor: slackActor(who), action: 'password-reset.failed', result: 'failed',
        detail: { cause }, requestId: who.requestId })
      .catch(() => undefined); // the store may be what failed; the log line above still tells
    return { locale: deps.defaultLocale, screen: { step: 'ended', reason: 'unexpected' } };
  }
}
