import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';
import type { PasswordResetMessages } from './messages';

export type { PasswordResetMessages };
export const passwordReset: Record<Locale, PasswordResetMessages> = { en, it, pl };
