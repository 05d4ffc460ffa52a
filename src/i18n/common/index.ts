import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';
import type { CommonMessages, ModalJourneyMessages } from './messages';

export type { CommonMessages, ModalJourneyMessages };
export const common: Record<Locale, CommonMessages> = { en, it, pl };
