import type { TemporaryPasswordEndReason } from '../../../flows/temporary-password/temporary-password-screen';
import type { CommonEndReason } from '../../../flows/shared/outcome';
import type { Messages } from '../../../i18n';

/** Why the help-desk request cannot go on, in words. */
export function endedText(reason: TemporaryPasswordEndReason | CommonEndReason, messages: Messages): string {
  const ended = messages.temporaryPassword.ended;
  const texts: Record<TemporaryPasswordEndReason | CommonEndReason, string> = {
    'help-desk-off': ended.helpDeskOff,
    'not-operator': ended.notOperator,
    'operator-check-failed': ended.operatorCheckFailed,
    'rate-limited-operator': ended.rateLimitedOperator,
    'rate-limited-target': ended.rateLimitedTarget,
    'rate-limited-sms': ended.rateLimitedSms,
    'code-expired': ended.codeExpired,
    'too-many-code-attempts': ended.tooManyCodeAttempts,
    'sms-failed': ended.smsFailed,
    'directory-unavailable': ended.directoryUnavailable,
    'accounts-changed': ended.accountsChanged,
    'set-failed': ended.setFailed,
    'flow-expired': ended.flowExpired,
    'flow-unreadable': ended.flowUnreadable,
    'already-in-progress': messages.common.ended.alreadyInProgress,
    unexpected: messages.common.ended.unexpected,
  };
  return texts[reason];
}
