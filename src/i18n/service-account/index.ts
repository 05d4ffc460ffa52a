import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { ServiceAccountMessages } from './messages';
import { pl } from './pl';

export type { ServiceAccountMessages };
export const serviceAccount: Record<Locale, ServiceAccountMessages> = { en, it, pl };
