import type { Config } from '../src/config';
import type { Logger } from '../src/log/logger';
import { createSlackApp } from '../src/slack/app';

/**
 * The baseline: the same Bolt app, receiver and Web API client as passdesk, whose `/password`
 * only acks and opens a static modal. What passdesk adds on top is what the ratio shows.
 */
export async function startBareApp(settings: Config['slack'], logger: Logger): Promise<{ port: number; stop(): Promise<void> }> {
  const { app, httpReceiver } = createSlackApp(settings, logger);
  app.command('/password', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'bare',
        title: { type: 'plain_text', text: 'Password reset' },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Looking up your accounts…' } }],
      },
    });
  });
  await app.init();
  await app.start();
  const port = httpReceiver?.address();
  if (!port) throw new Error('the bare app did not bind a port');
  return { port, stop: async () => { await app.stop(); } };
}
