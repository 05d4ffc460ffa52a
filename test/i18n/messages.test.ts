import { type Locale, SUPPORTED_LOCALES } from '../../src/config';
import { type Messages, messagesFor } from '../../src/i18n';
import { formatDate, formatDateTime, formatDateTimeInZone } from '../../src/i18n/dates';
import { plural } from '../../src/i18n/plural';

describe('messages', () => {
  it('give every language a common namespace and one per journey, each with every text', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort())
        : typeof value;
    const english = shape(messagesFor('en'));
    expect(Object.keys(english as object).sort()).toEqual(['changePassword', 'common', 'expiryReminders', 'forgotUsername', 'menu', 'passwordReset', 'serviceAccount', 'smsVerification', 'temporaryPassword', 'unlockAccount']);
    for (const locale of SUPPORTED_LOCALES) expect(shape(messagesFor(locale))).toEqual(english);
  });

  it("speak of the help desk as Italian does (l'help desk, dell'help desk), and of the directory by one name", () => {
    const wrong = allTexts(messagesFor('it')).filter((text) => /\b(il|del|al|nel|dal) help desk|servizio account/i.test(text));
    expect(wrong).toEqual([]);
  });

  it('call a disabled account by one word in every menu entry, never the word for a locked one', () => {
    const words: Record<Locale, { disabled: RegExp; locked: RegExp }> = {
      en: { disabled: /\bdisabled\b/i, locked: /\blocked\b/i },
      it: { disabled: /\bdisabilitat[oaie]\b/i, locked: /\bbloccat[oaie]\b/i },
      pl: { disabled: /\bwyłączon[eay]\b/iu, locked: /\bzablokowan[eay]\b/iu },
    };
    for (const locale of SUPPORTED_LOCALES) {
      const m = messagesFor(locale);
      const disabledTexts = [
        m.passwordReset.ended.accountDisabled, m.passwordReset.accountsSkipped('x'), m.passwordReset.accountsChanged,
        m.changePassword.ended.accountDisabled, m.changePassword.accountsSkipped('x'), m.changePassword.accountsChanged,
        m.forgotUsername.ended.accountDisabled, m.forgotUsername.disabled('x'),
        m.unlockAccount.ended.accountDisabled, m.unlockAccount.accountsSkipped('x'), m.unlockAccount.disabled('x'),
        m.serviceAccount.ended.accountDisabled, m.serviceAccount.accountsSkipped('x'),
      ];
      for (const text of disabledTexts) {
        expect({ locale, text, disabled: words[locale].disabled.test(text), locked: words[locale].locked.test(text) })
          .toEqual({ locale, text, disabled: true, locked: false });
      }
    }
  });

  it('choose plural forms by the language\'s rules', () => {
    const polish = { one: 'Została # próba', few: 'Zostały # próby', many: 'Zostało # prób', other: 'Zostało # próby' };
    expect([1, 2, 4, 5, 12, 22, 25].map((n) => plural('pl', n, polish))).toEqual([
      'Została 1 próba', 'Zostały 2 próby', 'Zostały 4 próby', 'Zostało 5 prób', 'Zostało 12 prób', 'Zostały 22 próby',
      'Zostało 25 prób',
    ]);
    expect(plural('en', 1, { one: '# try left', other: '# tries left' })).toBe('1 try left');
    expect(plural('en', 3, { one: '# try left', other: '# tries left' })).toBe('3 tries left');
    expect(messagesFor('it').smsVerification.codeWrong(1)).toBe('Il codice non è corretto. Resta 1 tentativo.');
    expect(messagesFor('pl').smsVerification.codeWrong(3)).toBe('Kod jest niepoprawny. Zostały 3 próby.');
  });

  it('write dates as each language does, in the time zone asked for', () => {
    const at = new Date('2026-11-22T23:30:00Z');
    expect(formatDate('en', at)).toBe('November 22, 2026');
    expect(formatDate('it', at)).toBe('22 novembre 2026');
    expect(formatDate('pl', at)).toBe('22 listopada 2026');
    expect(formatDate('it', at, 'Europe/Rome')).toBe('23 novembre 2026');
    expect(formatDateTime('pl', at, 'Europe/Warsaw')).toContain('00:30');
    expect(formatDateTimeInZone('it', at, 'Europe/Rome')).toMatch(/^23 novembre 2026.*00:30 \((CET|GMT\+1)\)$/);
  });
});

/** Every text of a catalogue; a text built by a function is rendered with placeholder arguments. */
function allTexts(messages: Messages): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      try {
        walk((value as (...args: unknown[]) => unknown)('X', 'X', 'X', 'X'));
      } catch {
        // A text whose arguments are not strings: its fixed words are also in a sibling text.
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(messages);
  return texts;
}
