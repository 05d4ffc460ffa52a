import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { FromSlackThread, PasswordShape, ToSlackThread } from './slack-thread';

/** Longest wait for anything the Slack thread reports (submitters' set-up included). */
const TIMEOUT_MS = 60_000;

/** The Slack thread, seen from the main thread: trigger ids to hand out, arrival times of calls, the submitters. */
export class SlackThread {
  private readonly arrivals = new Map<string, (at: number) => void>();
  private readonly replies = new Map<FromSlackThread['kind'], (message: FromSlackThread) => void>();
  private updates = 0;
  private updateWaiter?: { count: number; resolve: () => void };
  private expectedScreen?: string;
  private fail!: (error: Error) => void; // set by the executor below (fields initialise in order)
  /** Rejects when Slack saw something wrong (a failed call, an unexpected screen) or the thread died. */
  readonly failed = new Promise<never>((_resolve, reject) => {
    this.fail = reject;
  });

  constructor(private readonly worker: Worker) {
    this.failed.catch(() => undefined); // observed by whoever waits; never an unhandled rejection
    worker.on('message', (message: FromSlackThread) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
  }

  async triggers(userIds: string[]): Promise<string[]> {
    const reply = await this.ask({ kind: 'triggers', userIds }, 'triggers');
    return reply.kind === 'triggers' ? reply.triggerIds : [];
  }

  /** The screen (callback id) every views.update must show from now on: anything else fails the bench. */
  expectScreen(callbackId: string): void {
    this.expectedScreen = callbackId;
  }

  /** When Slack receives the views.open carrying this trigger id. */
  openedAt(triggerId: string): Promise<number> {
    return this.waitOrFail(new Promise<number>((resolve) => this.arrivals.set(triggerId, resolve)), `views.open for ${triggerId}`)
      .finally(() => this.arrivals.delete(triggerId));
  }

  /** Resolves once `count` more views.update calls have arrived than `from`. */
  updatesSince(from: number, count: number): Promise<void> {
    if (this.updates - from >= count) return Promise.resolve();
    return this.waitOrFail(new Promise((resolve) => {
      this.updateWaiter = { count: from + count, resolve };
    }), `${count} views.update calls`);
  }

  get updateCount(): number {
    return this.updates;
  }

  /** Brings these users to the new-password step of their own `/password`, on passdesk at `url`. */
  async prepareSubmitters(options: { url: string; signingSecret: string; userIds: string[]; phoneDigits: string; password: PasswordShape }): Promise<void> {
    await this.ask({ kind: 'prepare-submitters', ...options }, 'submitters-ready');
  }

  /** The submitters start submitting, each again as soon as passdesk has answered. */
  resumeSubmitters(): void {
    this.send({ kind: 'resume-submitters' });
  }

  /** Stops them after their current submission; resolves with how long each submission took to be answered (ms). */
  async pauseSubmitters(): Promise<number[]> {
    const reply = await this.ask({ kind: 'pause-submitters' }, 'submissions');
    return reply.kind === 'submissions' ? reply.answeredMs : [];
  }

  async stop(): Promise<void> {
    this.send({ kind: 'stop' });
    await once(this.worker, 'exit');
  }

  private receive(message: FromSlackThread): void {
    if (message.kind === 'failed') {
      this.fail(new Error(`the Slack thread failed: ${message.error}`));
      return;
    }
    if (message.kind !== 'call') {
      this.replies.get(message.kind)?.(message);
      this.replies.delete(message.kind);
      return;
    }
    if (message.failure) {
      this.fail(new Error(`the fake Slack answered ${message.method} with ${message.failure}`));
      return;
    }
    if (message.method === 'views.open' && message.triggerId) this.arrivals.get(message.triggerId)?.(message.at);
    if (message.method === 'views.update') {
      // The command's first screen: anything else (an error screen) means the journey did not really run.
      if (message.callbackId !== this.expectedScreen) {
        this.fail(new Error(`passdesk updated the modal to ${message.callbackId ?? 'no callback id'}, not ${this.expectedScreen ?? 'a screen expected'}`));
        return;
      }
      this.updates += 1;
      if (this.updateWaiter && this.updates >= this.updateWaiter.count) this.updateWaiter.resolve();
    }
  }

  private ask(message: ToSlackThread, reply: FromSlackThread['kind']): Promise<FromSlackThread> {
    return this.waitOrFail(new Promise<FromSlackThread>((resolve) => {
      this.replies.set(reply, resolve);
      this.send(message);
    }), reply);
  }

  private waitOrFail<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    return Promise.race([promise, this.failed, timeout]).finally(() => clearTimeout(timer));
  }

  private send(message: ToSlackThread): void {
    this.worker.postMessage(message);
  }
}
