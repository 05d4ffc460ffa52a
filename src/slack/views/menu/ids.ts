import type { MenuEntryName } from '../../../flows/menu/menu-journey';

/** Callback and action ids of the `/password` menu. */
export const MENU_CALLBACK = 'password-menu';
export const MENU_FINISHED_CALLBACK = 'password-menu.finished';

/** The button of one entry. */
export function menuAction(entry: MenuEntryName): string {
  return `password-menu.${entry}`;
}
