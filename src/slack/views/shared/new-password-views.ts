import type { NewPasswordError } from '../../../flows/shared/new-password-error';
import type { CommonMessages } from '../../../i18n/common';
import { DEFAULT_POLICY } from '../../../policy/default-policy';
import type { PolicyRule } from '../../../policy/policy';
import { type Block, bullets, escapeMrkdwn, INPUT_ACTION, note, text, textInput } from './blocks';

/** Block ids of the new password and its confirmation, the same in every journey that sets one. */
export const NEW_PASSWORD_BLOCK = {
  newPassword: 'new_password',
  confirmPassword: 'confirm_password',
} as const;

/**
 * Slack cuts input at its max length without a word; this is twice the policy's ceiling, so an
 * over-long password reaches the policy and is refused with its rule named.
 */
const PASSWORD_INPUT_MAX_LENGTH = 2 * DEFAULT_POLICY.maxLength;

/** `intro` and the rules the new password must meet, Slack's warning, then the password twice. */
export function newPasswordBlocks(intro: string, rules: PolicyRule[], common: CommonMessages): Block[] {
  return [
    text(`${intro}\n${bullets(rules.map((rule) => escapeMrkdwn(common.rule(rule))))}`),
    note(common.slackCannotMask),
    textInput({ blockId: NEW_PASSWORD_BLOCK.newPassword, actionId: INPUT_ACTION, label: common.newPasswordLabel,
      maxLength: PASSWORD_INPUT_MAX_LENGTH }),
    textInput({ blockId: NEW_PASSWORD_BLOCK.confirmPassword, actionId: INPUT_ACTION, label: common.confirmPasswordLabel,
      maxLength: PASSWORD_INPUT_MAX_LENGTH }),
  ];
}

/** A refused new password, in words under the input it concerns. */
export function newPasswordFieldErrors(error: NewPasswordError, common: CommonMessages): Record<string, string> {
  switch (error.kind) {
    case 'mismatch': return { [NEW_PASSWORD_BLOCK.confirmPassword]: common.passwordsDiffer };
    case 'unmet': return { [NEW_PASSWORD_BLOCK.newPassword]: `${common.passwordRefused} ${error.rules.map((rule) => common.rule(rule)).join('; ')}` };
    case 'directory-refused': {
      const reasons = error.reasons.length > 0 ? error.reasons : (['other'] as const);
      return { [NEW_PASSWORD_BLOCK.newPassword]: `${common.directoryRefused} ${reasons.map((reason) => common.directoryReason(reason)).join(' ')}` };
    }
    case 'directory-unavailable': return { [NEW_PASSWORD_BLOCK.newPassword]: common.directoryUnavailableInline };
  }
}
