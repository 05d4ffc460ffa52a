/**
 * The fake Slack Web API on its own thread, so that its work (parsing calls, checking Block Kit)
 * does not share the event loop of the apps being measured. It reports, with a clock shared
 * across threads, when each `views.open` and `views.update` arrives.
 */
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startFakeSlack } from '../test/harness/fake-slack';

export type FromSlackThread =
  | { kind: 'ready'; apiUrl: string; botToken: string; teamId: string }
  | { kind: 'triggers'; triggerIds: string[] }
  | { kind: 'call'; method: string; triggerId?: string; callbackId?: string; failure?: string; at: number };

export type ToSlackThread = { kind: 'triggers'; userIds: string[] } | { kind: 'stop' };

/** Milliseconds on a clock every thread of this process shares. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

export function startSlackThread(users: Record<string, { email: string }>): Worker {
  return new Worker(__filename, { workerData: { users } });
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (isMainThread || !port) return;
  const users = (workerData as { users: Record<string, { email: string }> }).users;
  const slack = await startFakeSlack({ users });
  const reported = new Set(['views.open', 'views.update']);
  // A predicate that never matches: it sees every call as it is recorded, and reports it.
  slack.waitFor((call) => {
    if (reported.has(call.method)) {
      const at = sharedNow();
      const triggerId = typeof call.args.trigger_id === 'string' ? call.args.trigger_id : undefined;
      const view = call.args.view;
      const callbackId = typeof view === 'object' && view !== null && 'callback_id' in view && typeof view.callback_id === 'string'
        ? view.callback_id
        : undefined;
      const message: FromSlackThread = { kind: 'call', method: call.method, triggerId, callbackId, failure: call.failure, at };
      port.postMessage(message);
    }
    return false;
  }, 2 ** 31 - 1).catch(() => undefined);
  port.on('message', (message: ToSlackThread) => {
    if (message.kind === 'triggers') {
      port.postMessage({ kind: 'triggers', triggerIds: message.userIds.map((id) => slack.issueTriggerId(id)) });
    } else {
      void slack.stop().then(() => port.close());
    }
  });
  port.postMessage({ kind: 'ready', apiUrl: slack.apiUrl, botToken: slack.botToken, teamId: slack.teamId });
}

void serve();
