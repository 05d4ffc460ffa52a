import type { PolicyRule } from '../../policy/policy';
import type { CommonMessages } from './messages';

function rule(rule: PolicyRule): string {
  const p = rule.params ?? {};
  switch (rule.code) {
    case 'min-length': return `Co najmniej ${p.min} znaków`;
    case 'max-length': return `Co najwyżej ${p.max} znaków`;
    case 'uppercase': return 'Co najmniej jedna duża litera';
    case 'lowercase': return 'Co najmniej jedna mała litera';
    case 'digit': return 'Co najmniej jedna cyfra';
    case 'special': return `Co najmniej jeden ze znaków specjalnych: ${p.chars}`;
    case 'no-username': return 'Nie może zawierać nazwy użytkownika';
    case 'no-name-parts': return 'Nie może zawierać imienia ani nazwiska';
    case 'not-blocked': return 'Nie może zawierać niedozwolonych słów (np. nazwy uczelni)';
    case 'strength': return 'Trudne do odgadnięcia: unikaj popularnych słów, imion, dat i układów klawiszy';
    case 'directory-complexity': return 'Znaki co najmniej trzech rodzajów: duże litery, małe litery, cyfry, symbole';
    case 'directory-history': return `Inne niż ${p.count} ostatnich haseł`;
  }
}

export const pl: CommonMessages = {
  continue: 'Dalej',
  cancel: 'Anuluj',
  close: 'Zamknij',
  working: 'Chwileczkę…',
  defaultHelpdeskContact: 'help desk IT',
  helpdeskHint: (contact) => `Jeśli potrzebujesz pomocy, skontaktuj się z: ${contact}.`,
  rule,
  slackCannotMask:
    ':warning: Slack nie potrafi ukryć tego, co wpisujesz w tym polu: upewnij się, że nikt nie widzi Twojego ekranu. passdesk nie przechowuje hasła.',
  newPasswordLabel: 'Nowe hasło',
  confirmPasswordLabel: 'Powtórz nowe hasło',
  passwordsDiffer: 'Hasła nie są takie same.',
  passwordRefused: 'To hasło nie spełnia tych wymagań:',
  directoryRefused: 'Katalog kont odrzucił to hasło:',
  directoryReason: (reason) => ({
    'too-short': 'Jest krótsze, niż pozwala katalog.',
    complexity: 'Nie spełnia wymogów złożoności.',
    'in-history': 'Było niedawno używane; wybierz hasło, którego jeszcze nie używałeś.',
    'too-young': 'Hasło zmieniono zbyt niedawno, aby zmienić je ponownie; spróbuj później.',
    other: 'Nie spełnia zasad dotyczących haseł.',
  })[reason],
  directoryUnavailableInline: 'Katalog kont jest teraz niedostępny. Niczego nie zmieniono. Spróbuj ponownie za chwilę.',
  defaultSuccessNotes: [
    'Nowe hasło obowiązuje od razu w systemach lokalnych uczelni; jego propagacja do usługi Office 365 może zająć kilka minut.',
    'Ta procedura nie zmienia hasła do systemu SAP ani do portalu pracowniczego.',
  ],
  changedNotice: {
    subject: 'Twoje hasło uczelniane zostało zmienione',
    text: (accounts, when, contact) =>
      `Hasło zostało zmienione dla: ${accounts}, ${when} (UTC), przez passdesk w Slacku.\n\nJeśli to nie Ty, natychmiast skontaktuj się z: ${contact}.`,
    notChanged: (accounts) => `NIE zostało zmienione dla: ${accounts}. Te konta na razie zachowują dotychczasowe hasło.`,
    notMeButton: 'To nie ja',
  },
  notMe: {
    reply: (contact) =>
      `Dziękujemy za zgłoszenie. Zadzwoń teraz: ${contact} — mogą zablokować konto i pomóc Ci odzyskać nad nim kontrolę. Nie odpowiadaj na wiadomości z prośbą o hasło lub kod. Ten przycisk niczego nie zmienił na Twoim koncie.`,
    alreadyReported: (contact) => `Ta zmiana została już zgłoszona; help desk wie o niej. Jeśli nikt nie oddzwonił, zadzwoń: ${contact}.`,
    unknownNotice: (contact) => `Nie możemy już ustalić, o którą zmianę chodzi, ale potraktuj to poważnie: zadzwoń teraz: ${contact}. Na Twoim koncie nic nie zostało zmienione.`,
    alert: (person, accounts, when, via) =>
      `:rotating_light: *Zgłoszono nierozpoznaną zmianę hasła* · osoba: ${person} · konta: ${accounts} · zmiana: ${when} UTC (${via}) · oddzwoń i sprawdź konta. passdesk niczego nie zmienił.`,
    via: { reset: 'zapomniane hasło, kod SMS', change: 'zmiana znanego hasła', 'service-account': 'konto serwisowe ustawione przez odpowiedzialnego', 'help-desk': 'hasło tymczasowe z help desku' },
  },
  ended: {
    noVerifiedEmail: 'Twoje konto Slack nie ma potwierdzonego adresu e-mail, więc nie możemy znaleźć Twojego konta uczelnianego.',
    noAccount: 'Nie znaleźliśmy konta uczelnianego z adresem e-mail z Twojego profilu Slack.',
    ambiguousMail: 'Twój adres e-mail należy w katalogu uczelni do więcej niż jednej osoby, więc nie możemy ustalić, które konto jest Twoje. Niczego nie wysłano ani nie zmieniono. Skontaktuj się z pomocą techniczną, aby poprawić dane.',
    directoryUnavailable: 'Katalog kont jest teraz niedostępny. Niczego nie zmieniono. Spróbuj ponownie później.',
    flowExpired: 'Ta procedura wygasła lub została już zakończona. Zacznij od nowa poleceniem /password.',
    flowUnreadable: 'Tej procedury nie można kontynuować. Nic nie zostało zmienione. Zacznij od nowa poleceniem /password.',
    alreadyInProgress: 'Poprzednie zgłoszenie jest jeszcze przetwarzane. Poczekaj chwilę i spróbuj ponownie.',
    unexpected: 'Wystąpił błąd po naszej stronie. Niczego nie zmieniono. Spróbuj ponownie później.',
  },
};
