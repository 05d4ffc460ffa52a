import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DAY_MS } from '../clock/durations';
import { SUPPORTED_LOCALES } from '../config';
import type { FlowStore } from '../store/flow-store';

/** The Slack action id of the "This wasn't me" button under every "your password changed" DM. */
export const NOT_ME_ACTION = 'password-changed.not-me';

/** Which journey changed the password. */
export type ChangeVia = 'reset' | 'change' | 'service-account' | 'help-desk';

const noticeSchema = z.object({
  slackUserId: z.string(),
  accounts: z.array(z.string()),
  /** Epoch ms of the change. */
  at: z.number(),
  via: z.enum(['reset', 'change', 'service-account', 'help-desk']),
  locale: z.enum(SUPPORTED_LOCALES),
  /** Epoch ms of the first "This wasn't me"; null until then. */
  reportedAt: z.number().nullable(),
});

export type ChangeNotice = z.infer<typeof noticeSchema>;

/** How long the button of a notice keeps working. */
const KEPT_MS = 30 * DAY_MS;

/**
 * What each "your password changed" DM was about, kept under an unguessable id that its button
 * carries, so that pressing it tells the help desk which accounts and when, whatever the
 * button's payload says besides: nothing is taken from it but the id.
 */
export class ChangeNotices {
  constructor(private readonly store: FlowStore) {}

  async remember(notice: Omit<ChangeNotice, 'reportedAt'>, now: Date): Promise<string> {
    const id = randomUUID();
    await this.store.putFlow(keyOf(id), { ...notice, reportedAt: null }, new Date(now.getTime() + KEPT_MS));
    return id;
  }

  /** The notice, for `slackUserId` only; undefined when unknown, expired or someone else's. */
  async find(id: string, slackUserId: string, now: Date): Promise<{ notice: ChangeNotice; version: number } | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const stored = await this.store.getFlow(keyOf(id), now);
    const parsed = noticeSchema.safeParse(stored?.data);
    if (!stored || !parsed.success || parsed.data.slackUserId !== slackUserId) return undefined;
    return { notice: parsed.data, version: stored.version };
  }

  /** Marks the notice reported; false when it already was (a second press, or a race). */
  async markReported(id: string, found: { notice: ChangeNotice; version: number }, now: Date): Promise<boolean> {
    if (found.notice.reportedAt !== null) return false;
    return this.store.updateFlow(keyOf(id), found.version, { ...found.notice, reportedAt: now.getTime() },
      new Date(now.getTime() + KEPT_MS));
  }
}

function keyOf(id: string): string {
  return `password-changed-notice:${id}`;
}
