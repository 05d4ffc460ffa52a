import { request } from 'node:http';
import { signature } from '../test/harness/slack-driver';

/** POSTs a signed `/password <text>` slash command, as Slack does; resolves with the HTTP status. */
export function sendSignedCommand(options: {
  port: number;
  signingSecret: string;
  teamId: string;
  userId: string;
  triggerId: string;
  text: string;
}): Promise<number> {
  const body = new URLSearchParams({
    token: 'bench',
    team_id: options.teamId,
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: options.userId,
    user_name: options.userId.toLowerCase(),
    command: '/password',
    text: options.text,
    api_app_id: 'A0BENCH',
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: options.triggerId,
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: '/slack/events',
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature(options.signingSecret, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
