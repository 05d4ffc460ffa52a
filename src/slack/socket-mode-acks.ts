import type { SocketModeReceiver } from '@slack/bolt';

/** Slack waits this long for an ack; past it, the request has failed for the person anyway. */
const SLACK_ACK_WINDOW_MS = 3_000;
const POLL_MS = 20;

/**
 * Socket Mode requests not yet answered. Their answer (the ack) goes back over the WebSocket, so
 * a stop must keep the connection open until they have it: a view submission's listener acks up
 * to 2.5 s after it arrives (after its step has run), and closing the socket before that loses
 * the answer while the step's work (an SMS) went ahead.
 */
export class PendingAcks {
  private readonly received = new Map<string, number>();

  constructor(client: SocketModeReceiver['client'], private readonly now: () => number = Date.now) {
    // Bolt's own 'slack_event' listener came first, and cannot ack before this one has run.
    client.on('slack_event', ({ envelope_id: id }: { envelope_id: string }) => this.received.set(id, this.now()));
    client.on('outgoing_message', ({ envelope_id: id }: { envelope_id: string }) => this.received.delete(id));
  }

  /** How many requests still await their answer within Slack's window. */
  get count(): number {
    const oldest = this.now() - SLACK_ACK_WINDOW_MS;
    for (const [id, at] of this.received) if (at <= oldest) this.received.delete(id);
    return this.received.size;
  }

  /** Resolves once every request received has been answered (or Slack gave up on it), or after `timeoutMs`. */
  async answered(timeoutMs: number): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (this.count > 0 && this.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
