import type { types } from '@slack/bolt';
import type { CommonMessages } from '../../../i18n/common';
import type { RenderedScreen } from '../../shared/presenter';
import { type Block, escapeMrkdwn, modal, note, text } from './blocks';

/** Shown while something slow runs: the modal opened at once, or a submission past Slack's deadline. */
export function waitingView(options: { callbackId: string; title: string; text: string; common: CommonMessages }): types.ModalView {
  return modal({
    callbackId: options.callbackId,
    title: options.title,
    close: options.common.cancel,
    blocks: [text(`:hourglass_flowing_sand: ${options.text}`)],
  });
}

/** A last screen: no submit button, only Close. */
export function finishedScreen(options: { callbackId: string; title: string; blocks: Block[]; common: CommonMessages }): RenderedScreen {
  return {
    view: modal({ callbackId: options.callbackId, title: options.title, close: options.common.close, blocks: options.blocks }),
    fieldErrors: {},
  };
}

/** Why a flow cannot go on, and whom to ask (HELPDESK_CONTACT as written; unset: named in the person's language). */
export function endedBlocks(reasonText: string, helpdeskContact: string | undefined, common: CommonMessages): Block[] {
  return [text(reasonText), note(escapeMrkdwn(common.helpdeskHint(helpdeskContact ?? common.defaultHelpdeskContact)))];
}
