/**
 * The fake Slack Web API and the fake Twilio on their own thread, so that their work (parsing
 * calls, checking Block Kit) does not share the event loop of the apps being measured. It
 * reports, with a clock shared across threads, when each `views.open` and `views.update`
 * arrives. It also drives the people who submit new passwords in a loop (submitter.ts), so
 * that only passdesk's own work lands on passdesk's event loop.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startFakeSlack } from '../test/harness/fake-slack';
import { startFakeTwilio } from '../test/harness/fake-twilio';
import { SlackHttpDriver } from '../test/harness/slack-driver';
import { PasswordSubmitter } from './submitter';

export const TWILIO_CREDENTIALS = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'bench' };

export type FromSlackThread =
  | { kind: 'ready'; apiUrl: string; botToken: string; teamId: string; twilioUrl: string }
  | { kind: 'triggers'; triggerIds: string[] }
  | { kind: 'call'; method: string; triggerId?: string; callbackId?: string; failure?: string; at: number }
  | { kind: 'submitters-ready' }
  /** How long each submission took to be answered (ms), since the submitters were resumed. */
  | { kind: 'submissions'; answeredMs: number[] }
  | { kind: 'failed'; error: string };

export type ToSlackThread =
  | { kind: 'triggers'; userIds: string[] }
  /** Brings each submitter to the new-password step of their own `/password` (one after another). */
  | { kind: 'prepare-submitters'; url: string; signingSecret: string; userIds: string[]; phoneDigits: string; password: PasswordShape }
  | { kind: 'resume-submitters' }
  | { kind: 'pause-submitters' }
  | { kind: 'stop' };

/** What the submitters type: `length` random characters with `refusedWord` inside, so the policy refuses it and the step stays. */
export interface PasswordShape {
  length: number;
  alphabet: string;
  refusedWord: string;
}

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
  const send = (message: FromSlackThread) => port.postMessage(message);
  const users = (workerData as { users: Record<string, { email: string }> }).users;
  const slack = await startFakeSlack({ users });
  const twilio = await startFakeTwilio(TWILIO_CREDENTIALS);
  let submitters: PasswordSubmitter[] = [];
  let shape: PasswordShape | undefined;
  let looping: Promise<number[]>[] = [];
  let paused = true;

  const reported = new Set(['views.open', 'views.update']);
  // A predicate that never matches: it sees every call as it is recorded, and reports it.
  slack.waitFor((call) => {
    // The submitters' modals are theirs alone: not part of what the main thread measures.
    const ownedBySubmitter = call.method === 'views.update' && submitters.some((submitter) => submitter.viewId === call.args.view_id);
    if (reported.has(call.method) && !ownedBySubmitter) {
      const at = sharedNow();
      const triggerId = typeof call.args.trigger_id === 'string' ? call.args.trigger_id : undefined;
      const view = call.args.view;
      const callbackId = typeof view === 'object' && view !== null && 'callback_id' in view && typeof view.callback_id === 'string'
        ? view.callback_id
        : undefined;
      send({ kind: 'call', method: call.method, triggerId, callbackId, failure: call.failure, at });
    }
    return false;
  }, 2 ** 31 - 1).catch(() => undefined);

  const submitInLoop = async (submitter: PasswordSubmitter): Promise<number[]> => {
    const answered: number[] = [];
    while (!paused && shape) answered.push(await submitter.submitNewPassword(passwordOf(shape)));
    return answered;
  };
  const fail = (error: unknown) => send({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });

  port.on('message', (message: ToSlackThread) => {
    switch (message.kind) {
      case 'triggers':
        send({ kind: 'triggers', triggerIds: message.userIds.map((id) => slack.issueTriggerId(id)) });
        break;
      case 'prepare-submitters': {
        const driver = new SlackHttpDriver({ url: message.url, signingSecret: message.signingSecret, teamId: slack.teamId, slack });
        submitters = message.userIds.map((userId) => new PasswordSubmitter(slack, twilio, driver, userId));
        shape = message.password;
        void (async () => {
          for (const submitter of submitters) await submitter.reachNewPasswordStep(message.phoneDigits);
        })().then(() => send({ kind: 'submitters-ready' }), fail);
        break;
      }
      case 'resume-submitters':
        paused = false;
        looping = submitters.map(submitInLoop);
        break;
      case 'pause-submitters':
        paused = true;
        Promise.all(looping).then((answered) => send({ kind: 'submissions', answeredMs: answered.flat() }), fail);
        break;
      case 'stop':
        paused = true;
        void Promise.allSettled(looping)
          .then(() => Promise.all([slack.stop(), twilio.stop()]))
          .then(() => port.close());
        break;
    }
  });
  send({ kind: 'ready', apiUrl: slack.apiUrl, botToken: slack.botToken, teamId: slack.teamId, twilioUrl: twilio.url });
}

function passwordOf(shape: PasswordShape): string {
  const random = Array.from({ length: shape.length - shape.refusedWord.length }, () => shape.alphabet[randomInt(shape.alphabet.length)]);
  random.splice(randomInt(random.length + 1), 0, shape.refusedWord);
  return random.join('');
}

void serve();
