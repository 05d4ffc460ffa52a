import type { types } from '@slack/bolt';
import type { MenuEntryName, MenuScreen } from '../../../flows/menu/menu-journey';
import type { EndedScreen, Outcome } from '../../../flows/shared/outcome';
import { type Messages, messagesFor } from '../../../i18n';
import type { MenuMessages } from '../../../i18n/menu';
import { type Presentation, presentation } from '../../shared/presenter';
import { type Block, modal, text } from '../shared/blocks';
import { endedBlocks, finishedScreen } from '../shared/modal-screens';
import { MENU_CALLBACK, MENU_FINISHED_CALLBACK, menuAction } from './ids';

const TEXTS: Record<MenuEntryName, keyof MenuMessages['entries']> = {
  'forgot-password': 'forgotPassword',
  'change-password': 'changePassword',
  'forgot-username': 'forgotUsername',
  'unlock-account': 'unlockAccount',
  'service-account': 'serviceAccount',
};

/** The menu: one line per entry saying what it does, with its button beside it. */
export function menuView(screen: MenuScreen, messages: Messages): types.ModalView {
  const m = messages.menu;
  const blocks: Block[] = [text(m.intro)];
  for (const entry of screen.entries) {
    const words = m.entries[TEXTS[entry]];
    blocks.push({
      type: 'section',
      block_id: `menu_${entry}`,
      text: { type: 'mrkdwn', text: words.explain },
      accessory: { type: 'button', action_id: menuAction(entry), text: { type: 'plain_text', text: words.button } },
    });
  }
  return modal({ callbackId: MENU_CALLBACK, title: m.modalTitle, close: messages.common.close, blocks });
}

export function presentMenu(helpdeskContact: string | undefined, outcome: Outcome<MenuScreen | EndedScreen>): Presentation {
  const messages = messagesFor(outcome.locale);
  const { screen } = outcome;
  if (screen.step === 'menu') return presentation({ view: menuView(screen, messages), fieldErrors: {} });
  // The menu keeps no flow: it only ends when its look-up threw.
  const reason = messages.common.ended.unexpected;
  return presentation(finishedScreen({
    callbackId: MENU_FINISHED_CALLBACK,
    title: messages.menu.modalTitle,
    blocks: endedBlocks(reason, helpdeskContact, messages.common),
    common: messages.common,
  }));
}
