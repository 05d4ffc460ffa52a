import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { UnlockAccountMessages } from './messages';
import { pl } from './pl';

export type { UnlockAccountMessages };
export const unlockAccount: Record<Locale, UnlockAccountMessages> = { en, it, pl };
