import type { types, webApi } from '@slack/bolt';
import type { MenuEntryName } from '../../../flows/menu/menu-journey';
import type { FlowKey } from '../../../flows/shared/flow-repository';
import type { Outcome } from '../../../flows/shared/outcome';
import type { Requester } from '../../../flows/shared/requester';
import type { Messages } from '../../../i18n';
import type { ModalJourney } from '../../shared/modal-journey';
import { openModalThenUpdate } from '../../shared/open-modal';
import { resolveRequester } from '../../shared/requester';
import type { SlackDeps } from '../../shared/slack-deps';
import { takeOverModal } from '../../shared/take-over-modal';

export interface Who {
  teamId: string;
  userId: string;
  requestId: string;
}

/** One entry of the `/password` menu, as the menu's listeners use it, whatever its journey. */
export interface MenuEntry {
  name: MenuEntryName;
  /** `/password <shortcut>` opens this entry directly. */
  shortcut?: string;
  /** `/password <shortcut>`: a new modal with this entry's journey. */
  openModal(args: { client: webApi.WebClient; triggerId: string; who: Who }): Promise<void>;
  /** Clicked in the menu: the journey takes over the menu's modal. */
  takeOver(args: { client: webApi.WebClient; viewId: string; who: Who }): Promise<void>;
}

/** A menu entry for a modal journey whose first step is `start(key, requester)`. */
export function modalEntry<Screen>(deps: SlackDeps, spec: {
  name: MenuEntryName;
  shortcut?: string;
  modal: ModalJourney<Screen>;
  loading(messages: Messages): types.ModalView;
  retryNote(messages: Messages): string;
  start(key: FlowKey, requester: Requester): Promise<Outcome<Screen>>;
}): MenuEntry {
  const startIn = (client: webApi.WebClient, who: Who) => async (viewId: string) => {
    const requester = await resolveRequester(client, who, deps.defaultLocale);
    return spec.start({ teamId: who.teamId, userId: who.userId, id: viewId }, requester);
  };
  return {
    name: spec.name,
    shortcut: spec.shortcut,
    openModal: ({ client, triggerId, who }) => openModalThenUpdate(deps, spec.modal, {
      client, triggerId, who, loading: spec.loading, retryNote: spec.retryNote, start: startIn(client, who),
    }),
    takeOver: ({ client, viewId, who }) => takeOverModal(deps, spec.modal, {
      client, viewId, who, loading: spec.loading, start: startIn(client, who),
    }),
  };
}
