import type { Locale } from '../../config';
import { en } from './en';
import { it } from './it';
import type { SmsVerificationMessages, VerifiedJourneyMessages } from './messages';
import { pl } from './pl';

export type { SmsVerificationMessages, VerifiedJourneyMessages };
export const smsVerification: Record<Locale, SmsVerificationMessages> = { en, it, pl };
