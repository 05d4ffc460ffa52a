import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { ForgotUsernameMessages } from './messages';
import { pl } from './pl';

export type { ForgotUsernameMessages };
export const forgotUsername: Record<Locale, ForgotUsernameMessages> = { en, it, pl };
