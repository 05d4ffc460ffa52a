import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { ChangePasswordMessages } from './messages';
import { pl } from './pl';

export type { ChangePasswordMessages };
export const changePassword: Record<Locale, ChangePasswordMessages> = { en, it, pl };
