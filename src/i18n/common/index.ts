import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';
import type { CommonMessages } from './messages';

export type { CommonMessages };
export const common: Record<Locale, CommonMessages> = { en, it, pl };
