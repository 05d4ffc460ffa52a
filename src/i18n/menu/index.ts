import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { MenuMessages } from './messages';
import { pl } from './pl';

export type { MenuMessages };
export const menu: Record<Locale, MenuMessages> = { en, it, pl };
