/**
 * What the reminders keep besides their claims, as flows of their own (zod-checked):
 * - each sent Slack reminder, keyed by its recipient and id, so its buttons work for that person
 *   only (nothing is trusted from the button itself);
 * - "remind me later" snoozes, keyed by the person and the account's expiry.
 */
import { z } from 'zod';
import type { FlowStore } from '../../store/flow-store';
import { FlowRepository } from '../shared/flow-repository';

const LOCALES = ['en', 'it', 'pl'] as const;

const sentReminderSchema = z.object({
  teamId: z.string(),
  userId: z.string(),
  /** Kept until every account's last possible reminder has passed. */
  expiresAt: z.number(),
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  accounts: z.array(z.object({ dn: z.string(), username: z.string(), expiresAt: z.iso.datetime() })).min(1),
});

export type SentReminder = z.infer<typeof sentReminderSchema>;

const snoozeSchema = z.object({
  teamId: z.string(),
  userId: z.string(),
  expiresAt: z.number(),
  until: z.iso.datetime(),
});

/** A Slack person, as the records are keyed. */
export interface RecordOwner {
  teamId: string;
  userId: string;
}

export class ReminderRecords {
  private readonly sent: FlowRepository<SentReminder>;
  private readonly snoozes: FlowRepository<z.infer<typeof snoozeSchema>>;

  constructor(store: FlowStore) {
    this.sent = new FlowRepository(store, 'expiry-reminder', sentReminderSchema);
    this.snoozes = new FlowRepository(store, 'expiry-reminder-snooze', snoozeSchema);
  }

  async saveSent(id: string, reminder: SentReminder): Promise<void> {
    await this.sent.create({ teamId: reminder.teamId, userId: reminder.userId, id }, reminder);
  }

  /** The reminder `id` sent to this person; undefined when unknown, gone, or someone else's. */
  async loadSent(owner: RecordOwner, id: string, now: Date): Promise<SentReminder | undefined> {
    const loaded = await this.sent.load({ ...owner, id }, now);
    return loaded.status === 'found' ? loaded.flow.state : undefined;
  }

  async snooze(owner: RecordOwner, account: { dn: string; expiresAt: Date }, until: Date, keepUntil: Date): Promise<void> {
    await this.snoozes.create(snoozeKey(owner, account), { ...owner, expiresAt: keepUntil.getTime(), until: until.toISOString() });
  }

  /** When this person asked to be reminded again about this expiry; undefined when they did not. */
  async snoozedUntil(owner: RecordOwner, account: { dn: string; expiresAt: Date }, now: Date): Promise<Date | undefined> {
    const loaded = await this.snoozes.load(snoozeKey(owner, account), now);
    return loaded.status === 'found' ? new Date(loaded.flow.state.until) : undefined;
  }
}

function snoozeKey(owner: RecordOwner, account: { dn: string; expiresAt: Date }) {
  return { ...owner, id: `${account.dn.toLowerCase()}|${account.expiresAt.toISOString()}` };
}
