import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { SmsVerificationMessages } from './messages';
import { pl } from './pl';

export type { SmsVerificationMessages };
export const smsVerification: Record<Locale, SmsVerificationMessages> = { en, it, pl };
