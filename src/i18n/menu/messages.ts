/** The texts of the `/password` menu: what each entry is called and what it does. */
export interface MenuMessages {
  modalTitle: string;
  intro: string;
  /** Each entry: the button, and one line saying what it does. */
  entries: Record<'forgotPassword' | 'changePassword' | 'forgotUsername' | 'unlockAccount' | 'serviceAccount', { button: string; explain: string }>;
  triggerExpired: string;
}
