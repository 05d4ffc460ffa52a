import type { CodeScreen, IdentityScreen } from '../../../flows/shared/sms-verification/verification-screens';
import type { Messages } from '../../../i18n';
import type { VerifiedJourneyMessages } from '../../../i18n/sms-verification';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, bullets, button, escapeMrkdwn, INPUT_ACTION, note, text, textInput } from './blocks';
import type { ModalScreens } from './modal-screens';

/** Block ids of the identity and code inputs, the same in every journey that verifies by SMS. */
export const VERIFICATION_BLOCK = {
  phoneDigits: 'phone_digits',
  challenge: 'challenge',
  code: 'code',
} as const;

interface VerificationBlocks {
  blocks: Block[];
  fieldErrors: Record<string, string>;
}

/** How a journey names the accounts on the code screen. */
type AccountWords = Pick<VerifiedJourneyMessages, 'accountsIntro' | 'accountsSkipped'>;

/** The identity or the code step in a journey's modal: `callbacks` names the two steps. */
export function verificationScreen(
  screen: IdentityScreen | CodeScreen,
  modal: { screens: ModalScreens; callbacks: { identity: string; code: string }; resendActionId: string; words: AccountWords },
  messages: Messages,
): RenderedScreen {
  const { blocks, fieldErrors } = screen.step === 'identity'
    ? identityBlocks(screen, messages)
    : codeBlocks(screen, messages, modal.words, modal.resendActionId);
  return modal.screens.step(modal.callbacks[screen.step], blocks, fieldErrors);
}

/** Step I: whose phone gets the code, then the last 3 phone digits and the sum. Names no account. */
function identityBlocks(screen: IdentityScreen, messages: Messages): VerificationBlocks {
  const m = messages.smsVerification;
  const blocks: Block[] = [text(`${m.identityIntro} ${m.phoneOwner(screen.phoneOwnerMail && escapeMrkdwn(screen.phoneOwnerMail))}`)];
  if (screen.errors?.wrongAnswer) blocks.push(note(`:warning: ${m.identityWrong(screen.challenge !== null)}`));
  blocks.push(textInput({
    blockId: VERIFICATION_BLOCK.phoneDigits, actionId: INPUT_ACTION, label: m.phoneDigitsLabel, hint: m.phoneDigitsHint, maxLength: 3,
  }));
  if (screen.challenge) {
    blocks.push(textInput({
      blockId: VERIFICATION_BLOCK.challenge, actionId: INPUT_ACTION, label: m.challengeLabel(screen.challenge), maxLength: 5,
    }));
  }
  const fieldErrors: Record<string, string> = {};
  if (screen.errors?.phoneDigits === 'format') fieldErrors[VERIFICATION_BLOCK.phoneDigits] = m.phoneDigitsFormat;
  return { blocks, fieldErrors };
}

/** Step II: where the code went, the accounts concerned, the code, and "Send a new code" (`resendActionId`). */
function codeBlocks(screen: CodeScreen, messages: Messages, words: AccountWords, resendActionId: string): VerificationBlocks {
  const m = messages.smsVerification;
  const blocks: Block[] = [
    text(m.codeIntro(screen.phoneEnding, escapeMrkdwn(screen.phoneOwner), screen.minutes)),
    text(`${words.accountsIntro}\n${bullets(screen.accounts.map(escapeMrkdwn))}`),
  ];
  if (screen.skipped.length > 0) blocks.push(note(words.accountsSkipped(screen.skipped.map(escapeMrkdwn).join(', '))));
  if (screen.notice?.kind === 'resent') blocks.push(note(`:incoming_envelope: ${m.resent(screen.phoneEnding)}`));
  if (screen.notice?.kind === 'cooldown') blocks.push(note(`:hourglass: ${m.resendCooldown(screen.notice.seconds)}`));
  blocks.push(
    textInput({ blockId: VERIFICATION_BLOCK.code, actionId: INPUT_ACTION, label: m.codeLabel, maxLength: 9 }),
    button(resendActionId, m.resendButton),
  );
  const fieldErrors: Record<string, string> = {};
  if (screen.error?.kind === 'format') fieldErrors[VERIFICATION_BLOCK.code] = m.codeFormat;
  if (screen.error?.kind === 'wrong') fieldErrors[VERIFICATION_BLOCK.code] = m.codeWrong(screen.error.attemptsLeft);
  return { blocks, fieldErrors };
}
