import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';
import type { TemporaryPasswordMessages } from './messages';

export type { TemporaryPasswordMessages };
export const temporaryPassword: Record<Locale, TemporaryPasswordMessages> = { en, it, pl };
