import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { ExpiryReminderMessages } from './messages';
import { pl } from './pl';

export type { ExpiryReminderMessages };
export const expiryReminders: Record<Locale, ExpiryReminderMessages> = { en, it, pl };
