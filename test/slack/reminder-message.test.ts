import type { Reminder } from '../../src/flows/expiry-reminders/reminder-ports';
import { messagesFor } from '../../src/i18n';
import { reminderMessage } from '../../src/slack/views/expiry-reminders/reminder-message';
import { statusMessage } from '../../src/slack/views/expiry-reminders/status-message';

/** The reminder DM's and `/password status`'s words and buttons, as people read them. */

const reminder = (overrides: Partial<Reminder>): Reminder => ({
  id: 'r1', window: { kind: 'before', days: 10 }, locale: 'en', timeZone: 'Europe/Rome', canRemindLater: true, accounts: [], ...overrides,
});
const account = (username: string, expiresAt: string, expired = false) => ({ dn: `uid=${username}`, username, expiresAt: new Date(expiresAt), expired });

function read(message: { text: string; blocks: unknown[] }): { words: string; buttons: string[] } {
  // Sections carry text.text; context blocks a mrkdwn element's text; actions block buttons with text.text.
  type Element = { type: string; text: string | { text: string } };
  const blocks = message.blocks as Array<{ type: string; text?: { text: string }; elements?: Element[] }>;
  const textOf = (element: Element) => (typeof element.text === 'string' ? element.text : element.text.text);
  return {
    words: blocks.flatMap((block) => (block.type === 'actions' ? [] : [block.text?.text ?? (block.elements ?? []).map(textOf).join(' ')])).join('\n'),
    buttons: blocks.filter((block) => block.type === 'actions').flatMap((block) => (block.elements ?? []).map(textOf)),
  };
}

describe('the expiry reminder DM', () => {
  it('names each account with its date, says "it" or "them", and offers Change now and Remind me later before the expiry', () => {
    const one = read(reminderMessage(reminder({ accounts: [account('jkow', '2026-12-08T09:00:00Z')] })));
    expect(one.words).toContain('*jkow*: expires on <!date^1796720400^{date_long} {time}|December 8, 2026 at 10:00 AM (GMT+1)>');
    expect(one.words).toContain('Change it before then');
    expect(one.buttons).toEqual(['Change now', 'Remind me later']);
    const two = read(reminderMessage(reminder({ canRemindLater: false, accounts: [account('jkow', '2026-12-08T09:00:00Z'), account('s123', '2026-12-03T09:00:00Z')] })));
    expect(two.words).toContain('Change them before then');
    expect(two.buttons).toEqual(['Change now']);
  });

  it('in Italian writes "il 3 dicembre" but "l\'8 dicembre", and "Cambiala" or "Cambiale"', () => {
    const it = (expiresAt: string) => read(reminderMessage(reminder({ locale: 'it', accounts: [account('anna', expiresAt)] }))).words;
    expect(it('2026-12-03T09:00:00Z')).toContain('*anna*: scade il <!date^');
    expect(it('2026-12-08T09:00:00Z')).toContain("*anna*: scade l'<!date^");
    expect(it('2026-12-11T09:00:00Z')).toContain("*anna*: scade l'<!date^");
    expect(it('2026-12-01T09:00:00Z')).toContain("*anna*: scade l'<!date^");
    expect(it('2026-12-03T09:00:00Z')).toContain('Cambiala prima di allora');
    const two = read(reminderMessage(reminder({ locale: 'it', accounts: [account('anna', '2026-12-03T09:00:00Z'), account('s9', '2026-12-04T09:00:00Z')] })));
    expect(two.words).toContain('Cambiale prima di allora');
  });

  it('once expired, says how to set a new one with /password reset and offers only Reset my password (en, it, pl)', () => {
    for (const [locale, button, heading] of [
      ['en', 'Reset my password', 'Your university password has expired'],
      ['it', 'Reimposta la password', 'La tua password di Ateneo è scaduta'],
      ['pl', 'Ustaw nowe hasło', 'Twoje hasło uczelniane wygasło'],
    ] as const) {
      const expired = read(reminderMessage(reminder({ locale, window: { kind: 'expired' }, canRemindLater: false, accounts: [account('marco', '2026-11-20T09:00:00Z', true)] })));
      expect(expired.words).toContain(heading);
      expect(expired.words).toContain('`/password reset`');
      expect(expired.words).toContain(`*${button}*`);
      expect(expired.buttons).toEqual([button]);
    }
  });
});

describe('/password status', () => {
  const now = new Date('2026-11-28T09:00:00Z');
  const status = (expiresAt: Date | null) => read(statusMessage({
    kind: 'accounts', locale: 'pl',
    accounts: [{ username: 'jkow', changedAt: new Date('2025-12-08T09:00:00Z'), expiresAt, disabled: false, mustChange: false }],
  }, { timeZone: 'Europe/Warsaw', helpdeskContact: 'the help desk', now }));

  it('offers Change now; Reset my password too once a password has expired', () => {
    const live = status(new Date('2026-12-08T09:00:00Z'));
    expect(live.words).toContain('*jkow*: ostatnia zmiana <!date^');
    expect(live.words).toContain('; wygasa <!date^');
    expect(live.buttons).toEqual(['Zmień teraz']);
    const expired = status(new Date('2026-11-20T09:00:00Z'));
    expect(expired.words).toContain('; wygasło <!date^');
    expect(expired.words).toContain('`/password reset`');
    expect(expired.buttons).toEqual(['Zmień teraz', 'Ustaw nowe hasło']);
  });

  it('names the help desk in the person\'s language when HELPDESK_CONTACT is unset, as written when set', () => {
    const refusal = (helpdeskContact: string | undefined) =>
      read(statusMessage({ kind: 'no-account', locale: 'it' }, { timeZone: 'Europe/Rome', helpdeskContact, now })).words;
    expect(refusal(undefined)).toContain(messagesFor('it').common.helpdeskHint(messagesFor('it').common.defaultHelpdeskContact));
    expect(refusal('#aiuto-it')).toContain(messagesFor('it').common.helpdeskHint('#aiuto-it'));
  });
});
