import { webApi } from '@slack/bolt';
import { createLogger } from '../../src/log/logger';
import { answerSubmission } from '../../src/slack/shared/answer-submission';
import type { RenderedScreen } from '../../src/slack/shared/presenter';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack';

const logger = createLogger('silent');
const modal = (text: string) => ({
  type: 'modal' as const,
  callback_id: 'test',
  title: { type: 'plain_text' as const, text: 'Test' },
  blocks: [{ type: 'section' as const, block_id: 'body', text: { type: 'mrkdwn' as const, text } }],
});

let slack: FakeSlack;
let client: webApi.WebClient;
beforeAll(async () => {
  slack = await startFakeSlack();
  client = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => slack.stop());

async function openModal(): Promise<string> {
  const opened = await client.views.open({ trigger_id: slack.issueTriggerId('U1'), view: modal('first') });
  return opened.view!.id!;
}

describe('answering a view submission', () => {
  it('answers in the ack with field errors when the view stays', async () => {
    const acks: unknown[] = [];
    const rendered: RenderedScreen = { view: modal('same'), fieldErrors: { code: 'wrong' } };
    await answerSubmission({
      ack: async (response?: unknown) => { acks.push(response); },
      client, viewId: 'V-unused', work: Promise.resolve(() => rendered), working: modal('working'), logger,
    });
    expect(acks).toEqual([{ response_action: 'errors', errors: { code: 'wrong' } }]);
  });

  it('shows "working" at once when the step is slower than the deadline, then updates the modal', async () => {
    const viewId = await openModal();
    const acks: unknown[] = [];
    let finish: (value: (inline: boolean) => RenderedScreen) => void = () => undefined;
    const work = new Promise<(inline: boolean) => RenderedScreen>((resolve) => { finish = resolve; });
    const answered = answerSubmission({
      ack: async (response?: unknown) => { acks.push(response); },
      client, viewId, work, working: modal('working'), logger, deadlineMs: 50,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(acks).toEqual([{ response_action: 'update', view: modal('working') }]);

    const since = slack.calls.length;
    finish((inline) => ({ view: modal(inline ? 'done, errors inline' : 'done'), fieldErrors: {} }));
    await answered;
    const update = await slack.waitForCall('views.update', { since });
    expect(update.args.view_id).toBe(viewId);
    expect(JSON.stringify(update.args.view)).toContain('done, errors inline');
  });
});
