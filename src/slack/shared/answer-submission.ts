import type { AckFn, ViewResponseAction, webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger';
import type { Presentation, RenderedScreen } from './presenter';
import { slackErrorCode } from './slack-error';

/** Slack waits 3 s for a view submission's answer; leave room for the network. */
export const SUBMISSION_DEADLINE_MS = 2500;

/**
 * Answers a view submission with what the journey decided: field errors when the view stays,
 * an update when it changes. If the journey is slower than Slack's deadline (a slow directory
 * or SMS provider), the modal shows "working" at once and is updated when the answer is ready.
 */
export async function answerSubmission(options: {
  /** Bolt types a view listener's ack as a union; a view submission's accepts a response action. */
  ack: AckFn<ViewResponseAction> | AckFn<void>;
  client: webApi.WebClient;
  viewId: string;
  work: Promise<Presentation>;
  working: RenderedScreen['view'];
  logger: Logger;
  deadlineMs?: number;
}): Promise<void> {
  const { client, viewId, work, working, logger } = options;
  const ack = options.ack as AckFn<ViewResponseAction>;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.deadlineMs ?? SUBMISSION_DEADLINE_MS);
  });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== 'late') {
    const rendered = first(false);
    if (Object.keys(rendered.fieldErrors).length > 0) {
      await ack({ response_action: 'errors', errors: rendered.fieldErrors });
    } else {
      await ack({ response_action: 'update', view: rendered.view });
    }
    return;
  }
  await ack({ response_action: 'update', view: working });
  const rendered = (await work)(true);
  try {
    await client.views.update({ view_id: viewId, view: rendered.view });
  } catch (error) {
    logger.error({ err: slackErrorCode(error) }, 'could not update the modal after a slow step');
  }
}
