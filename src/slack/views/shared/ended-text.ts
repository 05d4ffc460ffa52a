import type { CommonEndReason, LookupEndReason } from '../../../flows/shared/outcome';
import type { VerificationEndReason } from '../../../flows/shared/sms-verification/verification-screens';
import type { Messages } from '../../../i18n';

/** End reasons with shared words: every journey's, finding the person, the SMS verification. */
export type SharedEndReason = CommonEndReason | LookupEndReason | VerificationEndReason;

/**
 * Why a flow cannot go on, in words. `own` words the journey's own reasons (every one of them, or
 * it does not compile) and may reword a shared one; every other reason has the shared words.
 */
export function endedText<Own extends string>(
  reason: Own | SharedEndReason,
  messages: Messages,
  own: Record<NoInfer<Own>, string> & Partial<Record<SharedEndReason, string>>,
): string {
  const texts: Record<string, string> = { ...sharedEndedTexts(messages), ...own };
  return texts[reason];
}

function sharedEndedTexts(messages: Messages): Record<SharedEndReason, string> {
  const common = messages.common.ended;
  const sms = messages.smsVerification.ended;
  return {
    'no-verified-email': common.noVerifiedEmail,
    'no-account': common.noAccount,
    'ambiguous-mail': common.ambiguousMail,
    'directory-unavailable': common.directoryUnavailable,
    'flow-expired': common.flowExpired,
    'flow-unreadable': common.flowUnreadable,
    'already-in-progress': common.alreadyInProgress,
    unexpected: common.unexpected,
    'no-phone': sms.noPhone,
    'rate-limited': sms.rateLimited,
    'sms-failed': sms.smsFailed,
    'sms-country-not-allowed': sms.smsCountryNotAllowed,
    'code-expired': sms.codeExpired,
    'too-many-code-attempts': sms.tooManyCodeAttempts,
    'too-many-identity-attempts': sms.tooManyIdentityAttempts,
  };
}
