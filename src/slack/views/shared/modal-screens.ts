import type { types } from '@slack/bolt';
import type { Messages } from '../../../i18n';
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

/**
 * A journey's modal as it opens, while its first step looks things up, in the words of the
 * journey's namespace (`words`).
 */
export function loadingScreen(
  callbackId: string,
  words: (messages: Messages) => { modalTitle: string; loading: string },
): (messages: Messages) => types.ModalView {
  return (messages) => waitingView({ callbackId, title: words(messages).modalTitle, text: words(messages).loading, common: messages.common });
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

/** The screens of one journey's modal, with its title and the common buttons. */
export interface ModalScreens {
  /** A step: its blocks, Continue and Cancel; `fieldErrors` go under its inputs. */
  step(callbackId: string, blocks: Block[], fieldErrors?: Record<string, string>): RenderedScreen;
  /** A last screen (only Close), titled as the journey unless `title` says otherwise. */
  finished(blocks: Block[], title?: string): RenderedScreen;
  /** Why the flow cannot go on (`reasonText`), and whom to ask. */
  ended(reasonText: string): RenderedScreen;
}

export function modalScreens(options: {
  title: string;
  finishedCallbackId: string;
  /** HELPDESK_CONTACT as written; unset: each language names the help desk itself. */
  helpdeskContact: string | undefined;
  common: CommonMessages;
}): ModalScreens {
  const { title, common } = options;
  const finished = (blocks: Block[], finishedTitle = title) =>
    finishedScreen({ callbackId: options.finishedCallbackId, title: finishedTitle, blocks, common });
  return {
    step: (callbackId, blocks, fieldErrors = {}) => ({
      view: modal({ callbackId, title, submit: common.continue, close: common.cancel, blocks }),
      fieldErrors,
    }),
    finished,
    ended: (reasonText) => finished(endedBlocks(reasonText, options.helpdeskContact, common)),
  };
}
